// Providers and offers of the demonstration set. The organisations are real actors of AI
// capacity-building (bilateral agencies, Southern centres of excellence, UN entities and
// development banks); the offers are illustrative, written in the spirit of their published
// programmes (e.g. GIZ FAIR Forward, UNESCO's Readiness Assessment Methodology, UNDP's AI
// Readiness Assessment, India's Bhashini, IDB fAIr LAC), not commitments of those organisations.
import type { OfferBody, ProviderBody } from './lib/api-types';

export interface DemoProvider extends ProviderBody {
  key: string;
  /** For the printed table only; never sent. */
  short: string;
}

export interface DemoOffer {
  key: string;
  provider: string;
  body: OfferBody;
}

export const DEMO_PROVIDERS: DemoProvider[] = [
  // North
  { key: 'giz', short: 'GIZ', name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)', kind: 'government', country: 'DEU' },
  { key: 'expertise-france', short: 'Expertise France', name: 'Expertise France', kind: 'government', country: 'FRA' },
  { key: 'jica', short: 'JICA', name: 'Japan International Cooperation Agency (JICA)', kind: 'government', country: 'JPN' },
  // UN DESA's WESP still lists the Republic of Korea among developing economies, so capmatch's
  // dataset gives KOICA's offers origin `south`: the demo shows the classification as it is.
  { key: 'koica', short: 'KOICA', name: 'Korea International Cooperation Agency (KOICA)', kind: 'government', country: 'KOR' },
  { key: 'idrc', short: 'IDRC', name: 'International Development Research Centre (IDRC)', kind: 'government', country: 'CAN' },
  { key: 'turing', short: 'Turing Institute', name: 'The Alan Turing Institute', kind: 'academia', country: 'GBR' },
  { key: 'inria', short: 'Inria', name: 'Inria', kind: 'academia', country: 'FRA' },
  { key: 'cloud-for-good', short: 'Open Compute Alliance', name: 'Open Compute for Development Alliance', kind: 'private-sector', country: 'IRL' },
  { key: 'sida', short: 'Sida', name: 'Swedish International Development Cooperation Agency (Sida)', kind: 'government', country: 'SWE' },
  { key: 'dfat', short: 'DFAT', name: 'Australian Department of Foreign Affairs and Trade (DFAT)', kind: 'government', country: 'AUS' },
  // South
  { key: 'bhashini', short: 'Bhashini (MeitY)', name: 'Digital India Bhashini Division, MeitY', kind: 'government', country: 'IND' },
  { key: 'itec', short: 'ITEC', name: 'Indian Technical and Economic Cooperation (ITEC)', kind: 'government', country: 'IND' },
  { key: 'abc', short: 'ABC Brazil', name: 'Agência Brasileira de Cooperação (ABC)', kind: 'government', country: 'BRA' },
  { key: 'csir', short: 'CSIR', name: 'Council for Scientific and Industrial Research (CSIR)', kind: 'government', country: 'ZAF' },
  { key: 'strathmore', short: 'Strathmore', name: 'Strathmore University', kind: 'academia', country: 'KEN' },
  { key: 'cenia', short: 'CENIA', name: 'Centro Nacional de Inteligencia Artificial (CENIA)', kind: 'academia', country: 'CHL' },
  { key: 'amexcid', short: 'AMEXCID', name: 'Agencia Mexicana de Cooperación Internacional para el Desarrollo', kind: 'government', country: 'MEX' },
  { key: 'c4ir-rwanda', short: 'C4IR Rwanda', name: 'Centre for the Fourth Industrial Revolution Rwanda', kind: 'government', country: 'RWA' },
  { key: 'um6p', short: 'UM6P', name: 'Université Mohammed VI Polytechnique', kind: 'academia', country: 'MAR' },
  { key: 'komdigi', short: 'Komdigi', name: 'Indonesian Ministry of Communication and Digital Affairs', kind: 'government', country: 'IDN' },
  { key: 'astana-hub', short: 'Astana Hub', name: 'Astana Hub', kind: 'technical-community', country: 'KAZ' },
  { key: 'usp', short: 'USP', name: 'The University of the South Pacific', kind: 'academia', country: 'FJI' },
  { key: 'itida', short: 'ITIDA', name: 'Information Technology Industry Development Agency (ITIDA)', kind: 'government', country: 'EGY' },
  { key: 'zju', short: 'Zhejiang Univ.', name: 'Zhejiang University', kind: 'academia', country: 'CHN' },
  // Multilateral
  { key: 'undp', short: 'UNDP', name: 'United Nations Development Programme (UNDP)', kind: 'multilateral' },
  { key: 'unesco', short: 'UNESCO', name: 'UNESCO', kind: 'multilateral' },
  { key: 'itu', short: 'ITU', name: 'International Telecommunication Union (ITU)', kind: 'multilateral' },
  { key: 'world-bank', short: 'World Bank', name: 'World Bank', kind: 'development-bank' },
  { key: 'afdb', short: 'AfDB', name: 'African Development Bank (AfDB)', kind: 'development-bank' },
  { key: 'idb', short: 'IDB', name: 'Inter-American Development Bank (IDB)', kind: 'development-bank' },
  { key: 'adb', short: 'ADB', name: 'Asian Development Bank (ADB)', kind: 'development-bank' },
];

const W = { start: '2027-01-01', end: '2029-12-31' };
const OPEN = { regions: [], countries: [], groups: [] };
const el = (regions: string[], countries: string[] = [], groups: Array<'ldc' | 'lldc' | 'sids'> = []) => ({ regions, countries, groups });

type Fields = Omit<OfferBody, 'civilianUseOnly' | 'window' | 'slots'> & { slots?: number; window?: OfferBody['window'] };
const offer = (key: string, provider: string, f: Fields): DemoOffer => ({
  key,
  provider,
  body: { slots: 3, window: W, ...f, civilianUseOnly: true },
});

export const DEMO_OFFERS: DemoOffer[] = [
  offer('giz-fair-forward', 'giz', {
    title: 'FAIR Forward: open voice and text data for African and Asian languages',
    description: 'Co-creation of openly licensed speech and text datasets and models for under-served languages with local universities and start-ups, including data governance and community consent.',
    language: 'en', capacityAreas: ['language-technology', 'data'], modalities: ['technical-assistance', 'technology-transfer', 'training'],
    sdgs: [4, 9, 10], targetGroups: ['rural-and-remote', 'local-communities'], deliveryLanguages: ['en', 'fr', 'rw', 'sw', 'lg', 'tw', 'am'],
    eligibility: el(['africa', 'southern-asia', 'south-eastern-asia']), slots: 4, budgetUsd: 600000, openSource: true, technologyTransferTerms: 'open-licence',
  }),
  offer('expertise-france-strategy', 'expertise-france', {
    title: "Appui à l'élaboration et à la mise en œuvre de stratégies nationales d'IA",
    description: "Missions d'expertise pour concevoir une stratégie nationale d'IA, sa gouvernance et son plan de financement, avec des ateliers multi-acteurs.",
    language: 'fr', capacityAreas: ['ai-strategy-and-policy', 'ai-governance-and-ethics'], modalities: ['policy-exchange', 'technical-assistance', 'workshop'],
    sdgs: [9, 16, 17], deliveryLanguages: ['fr', 'ar', 'en'], eligibility: el(['africa', 'caribbean'], [], ['ldc']), slots: 3, budgetUsd: 300000,
  }),
  offer('jica-public-servants', 'jica', {
    title: 'AI and data science training for public servants',
    description: 'Cohort-based courses and study visits on data-driven policy making and responsible AI use in government, followed by mentoring of pilot projects.',
    language: 'en', capacityAreas: ['skills-and-education', 'public-sector-ai'], modalities: ['training', 'knowledge-sharing', 'workshop'],
    sdgs: [4, 16], targetGroups: ['women-and-girls'], deliveryLanguages: ['en', 'fr', 'es'], eligibility: el(['asia', 'africa', 'oceania']), slots: 5, budgetUsd: 250000,
  }),
  offer('koica-digital-government', 'koica', {
    title: 'Digital government platforms with embedded AI services',
    description: 'Technical assistance and technology transfer for AI-enabled citizen services (chatbots, document processing) on interoperable digital public infrastructure.',
    language: 'en', capacityAreas: ['public-sector-ai', 'digital-infrastructure'], modalities: ['technical-assistance', 'technology-transfer', 'training'],
    sdgs: [9, 16], deliveryLanguages: ['en', 'es', 'km', 'lo', 'uz'], eligibility: el(['asia', 'latin-america-and-the-caribbean']), slots: 3, budgetUsd: 900000,
    technologyTransferTerms: 'mutually-agreed',
  }),
  offer('idrc-ai4d', 'idrc', {
    title: 'AI for Development research networks and responsible AI labs',
    description: 'Research grants and network support for Southern researchers on responsible AI, gender and inclusion, with open publication of results.',
    language: 'en', capacityAreas: ['research-and-innovation', 'ai-governance-and-ethics'], modalities: ['research-cooperation', 'financing'],
    sdgs: [5, 9, 10], targetGroups: ['women-and-girls', 'vulnerable-groups'], deliveryLanguages: ['en', 'fr', 'es'],
    eligibility: el(['africa', 'latin-america-and-the-caribbean', 'asia']), slots: 4, budgetUsd: 500000, openSource: true,
  }),
  offer('turing-safety', 'turing', {
    title: 'AI safety evaluation and assurance partnerships',
    description: 'Joint evaluation of AI systems used in public services: test design, red-teaming methods, assurance cases and training of national evaluation teams.',
    language: 'en', capacityAreas: ['ai-safety-and-evaluation', 'ai-governance-and-ethics'], modalities: ['research-cooperation', 'training', 'workshop'],
    sdgs: [9, 16], deliveryLanguages: ['en'], eligibility: OPEN, slots: 2, budgetUsd: 200000,
  }),
  offer('inria-open-source', 'inria', {
    title: "Outils d'IA open source et formation de formateurs en Afrique francophone",
    description: "Formation de formateurs sur les bibliothèques d'apprentissage automatique open source et accompagnement de laboratoires universitaires.",
    language: 'fr', capacityAreas: ['skills-and-education', 'research-and-innovation'], modalities: ['training', 'research-cooperation'],
    sdgs: [4, 9], targetGroups: ['children-and-youth'], deliveryLanguages: ['fr', 'wo'], eligibility: el(['africa']), slots: 3, budgetUsd: 150000, openSource: true,
  }),
  offer('compute-credits', 'cloud-for-good', {
    title: 'Cloud compute and GPU credits for public-interest AI',
    description: 'GPU hours, managed storage and engineering office hours for universities and public agencies training or serving models for public-interest use.',
    language: 'en', capacityAreas: ['compute', 'digital-infrastructure'], modalities: ['infrastructure-access', 'training'],
    sdgs: [9], deliveryLanguages: ['en', 'es', 'fr', 'pt', 'ar'], eligibility: OPEN, slots: 6, budgetUsd: 350000,
  }),
  offer('sida-triangular', 'sida', {
    title: 'Financing for triangular digital inclusion partnerships (LDCs)',
    description: 'Co-financing of Southern-led AI capacity-building in least developed countries, with a focus on women and rural populations.',
    language: 'en', capacityAreas: ['skills-and-education', 'digital-infrastructure'], modalities: ['financing'], role: 'facilitator',
    sdgs: [5, 10, 17], targetGroups: ['women-and-girls', 'rural-and-remote'], deliveryLanguages: ['en', 'fr', 'es', 'pt', 'sw'],
    eligibility: el([], [], ['ldc']), slots: 4, budgetUsd: 400000,
  }),
  offer('jica-triangular', 'jica', {
    title: 'Triangular cooperation fund with Southern centres of excellence',
    description: 'Funds and backstopping for Southern institutions that deliver AI training and technical assistance to peer countries.',
    language: 'en', capacityAreas: ['skills-and-education', 'research-and-innovation'], modalities: ['financing', 'technical-assistance'], role: 'facilitator',
    sdgs: [17], deliveryLanguages: ['en', 'fr', 'es', 'pt', 'ru'], eligibility: OPEN, slots: 3, budgetUsd: 500000,
  }),
  offer('dfat-pacific', 'dfat', {
    title: 'Pacific digital and AI skills facility',
    description: 'Funding and logistics for regional delivery of digital and AI skills programmes across Pacific island countries.',
    language: 'en', capacityAreas: ['skills-and-education'], modalities: ['financing'], role: 'facilitator',
    sdgs: [4, 17], targetGroups: ['children-and-youth'], deliveryLanguages: ['en', 'fj', 'bi', 'to', 'sm'], eligibility: el(['oceania'], [], ['sids']), slots: 3, budgetUsd: 300000,
  }),
  offer('bhashini-stack', 'bhashini', {
    title: 'Bhashini language AI stack as a digital public good',
    description: 'Transfer of open speech recognition, translation and text-to-speech pipelines, with training to build datasets in national and local languages.',
    language: 'en', capacityAreas: ['language-technology', 'data', 'public-sector-ai'], modalities: ['technology-transfer', 'technical-assistance', 'training'],
    sdgs: [9, 10, 16], targetGroups: ['rural-and-remote', 'persons-with-disabilities'], deliveryLanguages: ['en', 'hi', 'bn', 'ne', 'sw', 'am'],
    eligibility: el(['asia', 'africa']), slots: 4, budgetUsd: 300000, openSource: true, technologyTransferTerms: 'open-licence',
  }),
  offer('itec-ai-courses', 'itec', {
    title: 'ITEC courses in AI, data science and cybersecurity',
    description: 'Fully funded short courses in Indian institutes for officials and researchers of partner countries, with alumni follow-up.',
    language: 'en', capacityAreas: ['skills-and-education'], modalities: ['training', 'knowledge-sharing'],
    sdgs: [4, 17], deliveryLanguages: ['en', 'fr', 'es', 'ar', 'pt', 'ru'], eligibility: OPEN, slots: 10, budgetUsd: 120000,
  }),
  offer('abc-governo-digital', 'abc', {
    title: 'Cooperação em governo digital e inteligência artificial no setor público',
    description: 'Compartilhamento de experiências brasileiras em plataformas de governo digital, identidade e uso responsável de IA, com assistência técnica.',
    language: 'pt', capacityAreas: ['public-sector-ai', 'ai-strategy-and-policy', 'digital-infrastructure'], modalities: ['knowledge-sharing', 'technical-assistance'],
    sdgs: [9, 16, 17], deliveryLanguages: ['pt', 'es'], eligibility: el(['latin-america-and-the-caribbean'], ['MOZ', 'AGO', 'CPV', 'GNB', 'STP', 'TLS']), slots: 4, budgetUsd: 200000,
  }),
  offer('csir-hpc', 'csir', {
    title: 'High-performance computing access for African researchers',
    description: 'Allocations on the national HPC centre with onboarding, training in parallel computing and support for climate and health AI models.',
    language: 'en', capacityAreas: ['compute', 'research-and-innovation'], modalities: ['infrastructure-access', 'training'],
    sdgs: [3, 9, 13], deliveryLanguages: ['en', 'pt', 'fr'], eligibility: el(['sub-saharan-africa']), slots: 3, budgetUsd: 180000,
  }),
  offer('strathmore-swahili-nlp', 'strathmore', {
    title: 'Swahili NLP joint lab and AI skills for East Africa',
    description: 'Joint lab on Swahili and regional language technology, and practical AI skills bootcamps for young graduates.',
    language: 'sw', capacityAreas: ['language-technology', 'skills-and-education'], modalities: ['joint-lab', 'training'],
    sdgs: [4, 8, 9], targetGroups: ['children-and-youth', 'women-and-girls'], deliveryLanguages: ['sw', 'en', 'lg', 'rw'],
    eligibility: el(['eastern-africa']), slots: 3, budgetUsd: 90000, openSource: true,
  }),
  offer('cenia-policy', 'cenia', {
    title: 'Intercambio de políticas de IA e Índice Latinoamericano de IA',
    description: 'Diagnóstico con la metodología del Índice Latinoamericano de IA, intercambio entre pares y talleres para hojas de ruta nacionales.',
    language: 'es', capacityAreas: ['ai-strategy-and-policy', 'research-and-innovation'], modalities: ['policy-exchange', 'research-cooperation', 'workshop'],
    sdgs: [9, 17], deliveryLanguages: ['es', 'en', 'pt'], eligibility: el(['latin-america-and-the-caribbean']), slots: 3, budgetUsd: 120000,
  }),
  offer('amexcid-servicios', 'amexcid', {
    title: 'Cooperación en IA y datos para servicios públicos en Centroamérica y el Caribe',
    description: 'Asistencia técnica para registros administrativos interoperables y modelos de IA en salud y protección social.',
    language: 'es', capacityAreas: ['public-sector-ai', 'data'], modalities: ['technical-assistance', 'knowledge-sharing'],
    sdgs: [1, 3, 16], targetGroups: ['people-in-poverty'], deliveryLanguages: ['es', 'en', 'fr'], eligibility: el(['central-america', 'caribbean']), slots: 3, budgetUsd: 150000,
  }),
  offer('c4ir-policy-peers', 'c4ir-rwanda', {
    title: 'Peer support for national AI policy design and data governance',
    description: "Peer exchange on Rwanda's National AI Policy, data protection and sandboxes, with workshops for policy teams.",
    language: 'en', capacityAreas: ['ai-strategy-and-policy', 'ai-governance-and-ethics', 'data'], modalities: ['policy-exchange', 'technical-assistance', 'workshop'],
    sdgs: [9, 16, 17], deliveryLanguages: ['en', 'fr', 'rw', 'sw'], eligibility: el(['africa']), slots: 4, budgetUsd: 80000,
  }),
  offer('um6p-formation', 'um6p', {
    title: "Formation en IA et science des données pour l'Afrique et le monde arabe",
    description: 'Programmes certifiants, écoles d’été et co-encadrement doctoral en IA appliquée à l’agriculture et à la santé.',
    language: 'fr', capacityAreas: ['skills-and-education', 'research-and-innovation'], modalities: ['training', 'research-cooperation'],
    sdgs: [2, 4, 9], targetGroups: ['women-and-girls'], deliveryLanguages: ['fr', 'ar', 'en'], eligibility: el(['africa', 'western-asia']), slots: 4, budgetUsd: 160000,
  }),
  offer('komdigi-talent', 'komdigi', {
    title: 'Digital Talent Scholarship for South-East Asia and Timor-Leste',
    description: 'Scholarships and online-to-offline AI training tracks for civil servants and young people.',
    language: 'en', capacityAreas: ['skills-and-education'], modalities: ['training'],
    sdgs: [4, 8], targetGroups: ['children-and-youth'], deliveryLanguages: ['en', 'id', 'tet', 'km', 'lo'], eligibility: el(['south-eastern-asia']), slots: 4, budgetUsd: 70000,
  }),
  offer('astana-hub-accelerator', 'astana-hub', {
    title: 'Акселерация ИИ-стартапов и обучение специалистов Центральной Азии',
    description: 'Акселерационная программа, менторство и курсы по машинному обучению для команд и государственных служащих стран Центральной Азии.',
    language: 'ru', capacityAreas: ['skills-and-education', 'research-and-innovation'], modalities: ['training', 'knowledge-sharing'],
    sdgs: [8, 9], targetGroups: ['children-and-youth'], deliveryLanguages: ['ru', 'kk', 'uz', 'ky', 'en'], eligibility: el(['central-asia']), slots: 4, budgetUsd: 100000,
  }),
  offer('usp-pacific', 'usp', {
    title: 'Pacific AI skills and data governance programme',
    description: 'Micro-credentials on AI and data governance delivered regionally, with community-based data collection in Pacific languages.',
    language: 'en', capacityAreas: ['skills-and-education', 'data', 'ai-governance-and-ethics'], modalities: ['training', 'workshop'],
    sdgs: [4, 13, 14], targetGroups: ['local-communities', 'indigenous-peoples'], deliveryLanguages: ['en', 'fj', 'bi', 'to', 'sm'],
    eligibility: el(['oceania']), slots: 3, budgetUsd: 90000,
  }),
  offer('itida-arab-region', 'itida', {
    title: 'برنامج بناء القدرات في الذكاء الاصطناعي للقطاع العام في المنطقة العربية',
    description: 'دورات تدريبية ومساعدة فنية لموظفي الحكومة حول تطبيقات الذكاء الاصطناعي في الخدمات العامة ومعالجة اللغة العربية.',
    language: 'ar', capacityAreas: ['skills-and-education', 'public-sector-ai', 'language-technology'], modalities: ['training', 'technical-assistance'],
    sdgs: [4, 16], deliveryLanguages: ['ar', 'en', 'fr'], eligibility: el(['western-asia', 'northern-africa']), slots: 3, budgetUsd: 110000,
  }),
  offer('zju-agri-lab', 'zju', {
    title: 'South-South joint lab on AI for smallholder agriculture',
    description: 'Joint laboratory on crop monitoring and advisory models, with researcher exchanges and shared open datasets.',
    language: 'en', capacityAreas: ['research-and-innovation', 'data'], modalities: ['joint-lab', 'research-cooperation'],
    sdgs: [2, 9, 13], targetGroups: ['rural-and-remote'], deliveryLanguages: ['en', 'fr', 'zh'], eligibility: el(['africa', 'asia']), slots: 2, budgetUsd: 250000,
  }),
  offer('undp-air', 'undp', {
    title: 'AI Readiness Assessment and national AI strategy support',
    description: 'Whole-of-government AI readiness assessment, stakeholder consultations and support to draft and cost a national AI strategy.',
    language: 'en', capacityAreas: ['ai-strategy-and-policy', 'public-sector-ai', 'digital-infrastructure'], modalities: ['technical-assistance', 'policy-exchange'],
    sdgs: [9, 16, 17], deliveryLanguages: ['en', 'fr', 'es', 'ar', 'pt', 'ru'], eligibility: OPEN, slots: 8, budgetUsd: 250000,
  }),
  offer('unesco-ram', 'unesco', {
    title: "Méthodologie d'évaluation de l'état de préparation (RAM) à l'éthique de l'IA",
    description: "Application de la RAM de l'UNESCO, consultations nationales et recommandations pour une gouvernance éthique de l'IA.",
    language: 'fr', capacityAreas: ['ai-governance-and-ethics', 'ai-strategy-and-policy'], modalities: ['technical-assistance', 'policy-exchange', 'workshop'],
    sdgs: [5, 10, 16], targetGroups: ['women-and-girls', 'indigenous-peoples'], deliveryLanguages: ['en', 'fr', 'es', 'ar', 'ru', 'zh'], eligibility: OPEN, slots: 6, budgetUsd: 150000,
  }),
  offer('itu-ai-skills', 'itu', {
    title: 'AI Skills Coalition and connectivity for AI',
    description: 'Free AI skills curricula, train-the-trainer workshops and connectivity planning support so that AI services reach schools and rural areas.',
    language: 'en', capacityAreas: ['skills-and-education', 'digital-infrastructure'], modalities: ['training', 'workshop', 'knowledge-sharing'],
    sdgs: [4, 9, 17], targetGroups: ['children-and-youth', 'rural-and-remote', 'persons-with-disabilities'], deliveryLanguages: ['en', 'fr', 'es', 'ar', 'ru', 'zh'],
    eligibility: OPEN, slots: 8, budgetUsd: 100000,
  }),
  offer('wb-dpi', 'world-bank', {
    title: 'Financing digital public infrastructure and data systems',
    description: 'Investment financing and technical assistance for data centres, interoperable registries and the data systems national AI use depends on.',
    language: 'en', capacityAreas: ['digital-infrastructure', 'data', 'public-sector-ai'], modalities: ['financing', 'technical-assistance'],
    sdgs: [9, 16, 17], deliveryLanguages: ['en', 'fr', 'es', 'pt', 'ar', 'ru'], eligibility: OPEN, slots: 4, budgetUsd: 5000000,
  }),
  offer('afdb-triangular', 'afdb', {
    title: 'Financement de la coopération triangulaire en IA en Afrique',
    description: 'Cofinancement de projets où une institution du Sud transfère des compétences en IA à un pays africain.',
    language: 'fr', capacityAreas: ['skills-and-education', 'digital-infrastructure'], modalities: ['financing'], role: 'facilitator',
    sdgs: [9, 17], deliveryLanguages: ['fr', 'en', 'pt', 'ar', 'sw'], eligibility: el(['africa']), slots: 4, budgetUsd: 1000000,
  }),
  offer('idb-fair-lac', 'idb', {
    title: 'fAIr LAC: cofinanciamiento de cooperación triangular en IA responsable',
    description: 'Cofinanciamiento y acompañamiento técnico para que instituciones latinoamericanas transfieran capacidades de IA responsable en la región.',
    language: 'es', capacityAreas: ['ai-governance-and-ethics', 'public-sector-ai'], modalities: ['financing', 'technical-assistance'], role: 'facilitator',
    sdgs: [10, 16, 17], deliveryLanguages: ['es', 'en', 'pt', 'fr'], eligibility: el(['latin-america-and-the-caribbean']), slots: 3, budgetUsd: 600000,
  }),
  offer('adb-asia-pacific', 'adb', {
    title: 'Asia-Pacific facility for South-South AI knowledge transfer',
    description: 'Grant co-financing for Southern providers delivering AI training and policy support in Asia and the Pacific.',
    language: 'en', capacityAreas: ['skills-and-education', 'ai-strategy-and-policy'], modalities: ['financing'], role: 'facilitator',
    sdgs: [9, 17], deliveryLanguages: ['en', 'ru', 'ne', 'bn', 'km', 'lo'], eligibility: el(['asia', 'oceania']), slots: 3, budgetUsd: 800000,
  }),
];
