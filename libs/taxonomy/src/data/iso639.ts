// ISO 639 language codes accepted by capmatch (contract: "ISO 639-1 codes, or ISO 639-3 where a
// language has no 639-1 code; lower case"). Source: ISO 639 Maintenance Agency / SIL ISO 639-3
// registration authority code tables. Deprecated 639-1 codes (iw, in, ji, jw, mo, sh) are left
// out so one language keeps one code.

/** Every current ISO 639-1 code. */
export const ISO_639_1: readonly string[] = Object.freeze(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy ' +
    'da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht ' +
    'hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky ' +
    'la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny ' +
    'oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss ' +
    'st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo ' +
    'za zh zu'
  ).split(' '),
);

/**
 * ISO 639-3 codes of languages that have no 639-1 code: those the country dataset uses as
 * official languages, and widely spoken local languages that requests and offers name as
 * delivery languages (resolution 78/311 op. 7: linguistic diversity, local languages).
 */
export const ISO_639_3_WITHOUT_639_1: readonly string[] = Object.freeze(
  [
    // Official languages in the country dataset
    'fil tet tpi hif gil tvl pau niu rar crs pap nso zgh kab zdj mfe cnr',
    // Asia
    'yue nan hak ceb ilo hil war pam bik tsg ace ban bug min mad bjn sas shn kac mni sat brx doi ' +
      'kok mai bho awa mag raj new tcy lus kha syl ckb kmr prs pbt bal brh skr pnb hne gbm khw',
    // Africa
    'dyu mos kri men tem fon gaa fat dag kbp sus snk mnk dyo srr tmh kln luo kam mer guz luy nyn xog teo ' +
      'ach lgg alz din nus bej tig sid wal loz toi bem lun kqn lua ktu kmb umb cjk kea swb wni wlc ' +
      'tzm shi rif taq dje fuv bci any ses emk kpe vai gur nzi ada ibb efi tiv kcg ' +
      'lch suk nym hay',
    // Americas
    'haw chr jam gcf gcr quc cak mam kek yua nhe zap arn guc miq hwc gyn djk srn',
    // Oceania
    'rtm pon chk kos yap cal pis mrv tkl wls',
    // Europe
    'sco gsw nds rmy rom sma smj smn sms csb szl hsb dsb fur lld vec nap scn ast ext mwl frr stq',
  ]
    .join(' ')
    .split(' '),
);

const CODES = new Set([...ISO_639_1, ...ISO_639_3_WITHOUT_639_1]);

export function knownLanguageCodes(): ReadonlySet<string> {
  return CODES;
}
