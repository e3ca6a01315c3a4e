// Requests of the demonstration set: needs from every developing region (LDCs, LLDCs, SIDS,
// transition economies), each tied to a national plan or strategy as resolution 78/311 op. 2
// asks. Strategy names refer to published national documents where one exists; the requests
// themselves are illustrative.
import type { CooperationType, RequestBody } from './lib/api-types';

export interface DemoRequest {
  key: string;
  country: string;
  body: RequestBody;
}

type Fields = Omit<RequestBody, 'window'> & { window?: RequestBody['window'] };
const W = { start: '2027-03-01', end: '2028-12-31' };
const NO_TRIANGULAR: CooperationType[] = ['north-south', 'south-south', 'multilateral'];
const req = (key: string, country: string, f: Fields): DemoRequest => ({ key, country, body: { window: W, ...f } });

export const DEMO_REQUESTS: DemoRequest[] = [
  // Africa
  req('rwa-speech', 'RWA', {
    title: 'Kinyarwanda speech data for public services', language: 'en',
    description: 'Build open Kinyarwanda speech and text corpora and a speech recognition model so that citizens can use government call centres and Irembo e-services by voice.',
    capacityAreas: ['language-technology', 'data'], modalities: ['technical-assistance', 'training'], sdgs: [4, 9, 10], targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['rw', 'en', 'fr'], budgetUsd: 250000, nationalStrategyRef: 'National AI Policy (2023), data and language pillar', priority: 'high',
  }),
  req('eth-amharic', 'ETH', {
    title: 'Amharic language technology for digital public services', language: 'en',
    description: 'Speech and translation models for Amharic so that digital ID enrolment and health information reach people with low literacy.',
    capacityAreas: ['language-technology', 'public-sector-ai'], modalities: ['technology-transfer', 'training'], sdgs: [3, 10, 16], targetGroups: ['persons-with-disabilities', 'rural-and-remote'],
    deliveryLanguages: ['am', 'en'], budgetUsd: 300000, nationalStrategyRef: 'Digital Ethiopia 2025 strategy', priority: 'high',
  }),
  req('sen-strategie', 'SEN', {
    title: "Mise en œuvre de la stratégie nationale d'IA et gouvernance des données", language: 'fr',
    description: "Appui à la gouvernance de la stratégie nationale d'IA: comité de pilotage, cadre éthique, feuille de route sectorielle (santé, agriculture).",
    capacityAreas: ['ai-strategy-and-policy', 'ai-governance-and-ethics'], modalities: ['policy-exchange', 'technical-assistance'], sdgs: [9, 16, 17],
    deliveryLanguages: ['fr', 'wo'], budgetUsd: 200000, nationalStrategyRef: "Stratégie nationale et feuille de route du Sénégal sur l'IA (2023)", priority: 'high',
  }),
  req('moz-governo-digital', 'MOZ', {
    title: 'Governo digital e IA nos serviços públicos', language: 'pt',
    description: 'Apoio técnico para serviços públicos digitais com IA (atendimento ao cidadão, processamento de documentos) e interoperabilidade de registos.',
    capacityAreas: ['public-sector-ai', 'digital-infrastructure'], modalities: ['technical-assistance', 'knowledge-sharing'], sdgs: [9, 16],
    deliveryLanguages: ['pt', 'en'], budgetUsd: 400000, nationalStrategyRef: 'Estratégia para a Transformação Digital de Moçambique', priority: 'high',
  }),
  req('mwi-teachers', 'MWI', {
    title: 'AI and digital skills for teachers in rural schools', language: 'en',
    description: 'Train teacher trainers to teach digital and AI literacy in rural secondary schools, with materials in Chichewa.',
    capacityAreas: ['skills-and-education'], modalities: ['training', 'workshop'], sdgs: [4, 5], targetGroups: ['children-and-youth', 'rural-and-remote', 'women-and-girls'],
    deliveryLanguages: ['en', 'ny'], budgetUsd: 80000, nationalStrategyRef: 'Malawi 2063, MIP-1 digital skills enabler', priority: 'medium',
  }),
  req('uga-agri-nlp', 'UGA', {
    title: 'Luganda and Swahili voice advisory for agricultural extension', language: 'en',
    description: 'Voice-based crop advisory for smallholders in Luganda and Swahili, including data collection with farmer cooperatives.',
    capacityAreas: ['language-technology', 'data'], modalities: ['joint-lab', 'technical-assistance'], sdgs: [2, 9], targetGroups: ['rural-and-remote', 'people-in-poverty'],
    deliveryLanguages: ['lg', 'sw', 'en'], budgetUsd: 150000, nationalStrategyRef: 'Digital Transformation Roadmap 2023/24-2027/28', cooperationTypes: ['south-south', 'triangular'],
  }),
  req('gha-compute', 'GHA', {
    title: 'Compute access for university AI research', language: 'en',
    description: 'GPU access and HPC training for university groups working on Twi and Ewe language models and malaria diagnostics.',
    capacityAreas: ['compute', 'research-and-innovation'], modalities: ['infrastructure-access', 'training'], sdgs: [3, 9],
    deliveryLanguages: ['en', 'tw'], budgetUsd: 120000, nationalStrategyRef: 'Ghana National AI Strategy (2023-2033)',
  }),
  req('zmb-health-compute', 'ZMB', {
    title: 'Computing capacity for public health AI models', language: 'en',
    description: 'Shared compute and model-training skills for the national public health institute (disease surveillance, imaging).',
    capacityAreas: ['compute', 'research-and-innovation'], modalities: ['infrastructure-access', 'research-cooperation'], sdgs: [3, 9],
    deliveryLanguages: ['en'], budgetUsd: 200000, nationalStrategyRef: 'Zambia National Digital Transformation Strategy 2023-2027', cooperationTypes: NO_TRIANGULAR,
  }),
  req('tun-arabic-egov', 'TUN', {
    title: 'معالجة اللغة العربية للخدمات الإدارية الرقمية', language: 'ar',
    description: 'نماذج لمعالجة اللغة العربية والدارجة التونسية لتبسيط الإجراءات الإدارية الإلكترونية.',
    capacityAreas: ['language-technology', 'public-sector-ai'], modalities: ['technical-assistance', 'training'], sdgs: [9, 16],
    deliveryLanguages: ['ar', 'fr'], budgetUsd: 100000, nationalStrategyRef: 'Stratégie Tunisie Digitale 2025',
  }),
  req('mdg-formation', 'MDG', {
    title: "Formation des jeunes aux métiers de l'IA", language: 'fr',
    description: "Programme de formation aux métiers de la donnée et de l'IA pour les jeunes diplômés, en partenariat avec les universités.",
    capacityAreas: ['skills-and-education'], modalities: ['training'], sdgs: [4, 8], targetGroups: ['children-and-youth', 'women-and-girls'],
    deliveryLanguages: ['fr', 'mg'], budgetUsd: 90000, nationalStrategyRef: 'Stratégie Madagascar Numérique', priority: 'medium',
  }),
  // Asia
  req('bgd-grievance', 'BGD', {
    title: 'Bangla language AI for public grievance redress', language: 'en',
    description: 'Classify and route citizen complaints written or spoken in Bangla, and summarise them for ministries.',
    capacityAreas: ['language-technology', 'public-sector-ai'], modalities: ['technology-transfer', 'technical-assistance'], sdgs: [16],
    deliveryLanguages: ['bn', 'en'], budgetUsd: 180000, nationalStrategyRef: 'National Strategy for Artificial Intelligence, Bangladesh',
  }),
  req('khm-chatbots', 'KHM', {
    title: 'Khmer-language AI assistants for digital government', language: 'en',
    description: 'Citizen-facing assistants in Khmer for business registration and social protection services.',
    capacityAreas: ['public-sector-ai', 'language-technology'], modalities: ['technical-assistance', 'technology-transfer'], sdgs: [9, 16],
    deliveryLanguages: ['km', 'en'], budgetUsd: 220000, nationalStrategyRef: 'Cambodia Digital Government Policy 2022-2035',
  }),
  req('npl-readiness', 'NPL', {
    title: 'AI readiness assessment and implementation of the national AI policy', language: 'en',
    description: 'Assess readiness across ministries and prepare a costed implementation plan, including an AI governance council.',
    capacityAreas: ['ai-strategy-and-policy', 'ai-governance-and-ethics'], modalities: ['technical-assistance', 'policy-exchange'], sdgs: [9, 16, 17],
    deliveryLanguages: ['ne', 'en'], budgetUsd: 150000, nationalStrategyRef: 'National AI Policy of Nepal (2025)', priority: 'high',
  }),
  req('lao-infra', 'LAO', {
    title: 'Government data centre and cloud for AI workloads', language: 'en',
    description: 'Upgrade the government data centre and connectivity so that ministries can host data and AI services.',
    capacityAreas: ['digital-infrastructure', 'compute'], modalities: ['financing', 'technical-assistance'], sdgs: [9],
    deliveryLanguages: ['lo', 'en'], budgetUsd: 2000000, nationalStrategyRef: 'Lao PDR Digital Economy Strategy 2021-2030',
  }),
  req('mng-curriculum', 'MNG', {
    title: 'AI curricula for universities and TVET', language: 'en',
    description: 'Modernise computer science curricula with AI and data science tracks, train lecturers.',
    capacityAreas: ['skills-and-education'], modalities: ['training', 'knowledge-sharing'], sdgs: [4],
    deliveryLanguages: ['mn', 'en', 'ru'], budgetUsd: 100000, nationalStrategyRef: 'Digital Nation programme 2022-2027',
  }),
  req('btn-govtech', 'BTN', {
    title: 'GovTech AI capabilities for the civil service', language: 'en',
    description: 'Build a small GovTech AI team and train civil servants on responsible AI use.',
    capacityAreas: ['public-sector-ai', 'skills-and-education'], modalities: ['training', 'technical-assistance'], sdgs: [16],
    deliveryLanguages: ['dz', 'en'], budgetUsd: 70000, nationalStrategyRef: 'Bhutan Digital Strategy, GovTech Agency',
  }),
  req('tls-formacao', 'TLS', {
    title: 'Formação digital e em IA para funcionários públicos', language: 'pt',
    description: 'Capacitação de funcionários públicos em competências digitais e uso responsável de IA, em português e tétum.',
    capacityAreas: ['skills-and-education', 'public-sector-ai'], modalities: ['training'], sdgs: [4, 16],
    deliveryLanguages: ['pt', 'tet', 'en'], budgetUsd: 60000, nationalStrategyRef: 'Timor-Leste Digital 2032', priority: 'high',
  }),
  req('phl-disaster', 'PHL', {
    title: 'AI for disaster risk reduction research', language: 'en',
    description: 'Research partnership on flood and typhoon impact forecasting with open data and local universities.',
    capacityAreas: ['research-and-innovation', 'data'], modalities: ['research-cooperation', 'joint-lab'], sdgs: [11, 13],
    deliveryLanguages: ['en', 'fil'], budgetUsd: 300000, nationalStrategyRef: 'National AI Strategy Roadmap 2.0 (2024)',
  }),
  // Latin America and the Caribbean
  req('jam-youth', 'JAM', {
    title: 'AI skills for youth and the creative economy', language: 'en',
    description: 'Bootcamps and mentoring in AI for young creators and entrepreneurs, including tools for Jamaican Patwa content.',
    capacityAreas: ['skills-and-education'], modalities: ['training', 'workshop'], sdgs: [4, 8], targetGroups: ['children-and-youth'],
    deliveryLanguages: ['en', 'jam'], budgetUsd: 80000, nationalStrategyRef: 'National Development Plan Vision 2030 Jamaica',
  }),
  req('hti-protection', 'HTI', {
    title: 'Données et IA pour le ciblage de la protection sociale', language: 'fr',
    description: "Améliorer le registre social et le ciblage des transferts monétaires grâce à l'analyse de données, avec garanties de protection des données.",
    capacityAreas: ['data', 'public-sector-ai'], modalities: ['technical-assistance', 'knowledge-sharing'], sdgs: [1, 10], targetGroups: ['people-in-poverty', 'vulnerable-groups'],
    deliveryLanguages: ['fr', 'ht'], budgetUsd: 250000, nationalStrategyRef: 'Politique nationale de protection et de promotion sociales', priority: 'high',
  }),
  req('gtm-salud', 'GTM', {
    title: 'IA para servicios de salud en comunidades indígenas', language: 'es',
    description: 'Herramientas de apoyo a la atención primaria en comunidades mayas, con datos administrativos interoperables.',
    capacityAreas: ['public-sector-ai', 'data'], modalities: ['technical-assistance'], sdgs: [3, 10], targetGroups: ['indigenous-peoples', 'rural-and-remote'],
    deliveryLanguages: ['es'], budgetUsd: 150000, nationalStrategyRef: 'Agenda Nacional de Innovación Digital',
  }),
  req('bol-estrategia', 'BOL', {
    title: 'Estrategia nacional de IA y marco de gobernanza ética', language: 'es',
    description: 'Formular la estrategia nacional de IA con participación de pueblos indígenas y un marco ético alineado con la Recomendación de la UNESCO.',
    capacityAreas: ['ai-strategy-and-policy', 'ai-governance-and-ethics'], modalities: ['policy-exchange', 'technical-assistance', 'workshop'], sdgs: [10, 16],
    targetGroups: ['indigenous-peoples'], deliveryLanguages: ['es', 'qu', 'ay'], budgetUsd: 120000, nationalStrategyRef: 'Agenda Patriótica 2025, pilar 4',
  }),
  req('pry-computo', 'PRY', {
    title: 'Capacidades de cómputo e investigación en IA', language: 'es',
    description: 'Acceso a cómputo de alto rendimiento y cooperación científica para grupos de investigación en IA aplicada al agro.',
    capacityAreas: ['compute', 'research-and-innovation'], modalities: ['infrastructure-access', 'research-cooperation'], sdgs: [2, 9],
    deliveryLanguages: ['es', 'gn'], budgetUsd: 140000, nationalStrategyRef: 'Agenda Digital del Paraguay',
  }),
  req('hnd-docentes', 'HND', {
    title: 'Formación en IA para docentes de secundaria', language: 'es',
    description: 'Formación de formadores en alfabetización en IA para docentes de zonas rurales.',
    capacityAreas: ['skills-and-education'], modalities: ['training', 'workshop'], sdgs: [4], targetGroups: ['children-and-youth', 'rural-and-remote'],
    deliveryLanguages: ['es'], budgetUsd: 60000, nationalStrategyRef: 'Agenda Digital de Honduras', cooperationTypes: ['south-south', 'triangular'],
  }),
  req('guy-climate', 'GUY', {
    title: 'AI for climate-resilient agriculture', language: 'en',
    description: 'Open data and forecasting models for drought and flood risk, co-developed with the national agricultural research institute.',
    capacityAreas: ['research-and-innovation', 'data'], modalities: ['research-cooperation', 'technical-assistance'], sdgs: [2, 13],
    deliveryLanguages: ['en'], budgetUsd: 180000, nationalStrategyRef: 'Low Carbon Development Strategy 2030',
  }),
  // Oceania
  req('fji-data-governance', 'FJI', {
    title: 'Data governance framework for AI in public services', language: 'en',
    description: 'Draft a data governance and AI use framework for government, with community consultations in iTaukei communities.',
    capacityAreas: ['ai-governance-and-ethics', 'data'], modalities: ['policy-exchange', 'technical-assistance'], sdgs: [16],
    targetGroups: ['indigenous-peoples'], deliveryLanguages: ['en', 'fj'], budgetUsd: 90000, nationalStrategyRef: 'Fiji National Digital Strategy 2025-2030',
  }),
  req('vut-bislama', 'VUT', {
    title: 'Bislama digital services and AI skills', language: 'en',
    description: 'Skills programme for public servants and youth, and Bislama language resources for digital services.',
    capacityAreas: ['skills-and-education', 'language-technology'], modalities: ['training', 'workshop'], sdgs: [4, 10], targetGroups: ['children-and-youth'],
    deliveryLanguages: ['bi', 'en', 'fr'], budgetUsd: 70000, nationalStrategyRef: 'Vanuatu National Sustainable Development Plan 2016-2030', priority: 'high',
  }),
  req('ton-islands', 'TON', {
    title: 'Digital and AI skills for outer-island communities', language: 'en',
    description: 'Train community digital champions on outer islands to use AI tools for fisheries, health and education information.',
    capacityAreas: ['skills-and-education'], modalities: ['training'], sdgs: [4, 14], targetGroups: ['rural-and-remote', 'local-communities'],
    deliveryLanguages: ['to', 'en'], budgetUsd: 50000, nationalStrategyRef: 'Tonga Digital Government Strategic Framework',
  }),
  req('slb-health', 'SLB', {
    title: 'Connectivity and AI-assisted diagnostics for rural clinics', language: 'en',
    description: 'Connect provincial clinics and pilot AI-assisted screening, with training of health workers.',
    capacityAreas: ['digital-infrastructure', 'public-sector-ai'], modalities: ['financing', 'technical-assistance'], sdgs: [3, 9], targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['en'], budgetUsd: 500000, nationalStrategyRef: 'National ICT Policy', priority: 'high',
  }),
  req('png-public-sector', 'PNG', {
    title: 'Public-sector AI pilots and digital ID', language: 'en',
    description: 'Pilot AI services on top of the digital ID and e-government platforms, with training of ICT staff.',
    capacityAreas: ['public-sector-ai', 'digital-infrastructure'], modalities: ['technical-assistance', 'training'], sdgs: [16],
    deliveryLanguages: ['en', 'tpi'], budgetUsd: 300000, nationalStrategyRef: 'Digital Government Plan 2023-2027',
  }),
  // Transition economies
  req('uzb-kadry', 'UZB', {
    title: 'Подготовка кадров для реализации стратегии развития ИИ', language: 'ru',
    description: 'Программы подготовки специалистов по ИИ и государственных служащих для реализации национальной стратегии до 2030 года.',
    capacityAreas: ['skills-and-education', 'ai-strategy-and-policy'], modalities: ['training', 'knowledge-sharing'], sdgs: [4, 8, 9],
    deliveryLanguages: ['uz', 'ru', 'en'], budgetUsd: 200000, nationalStrategyRef: 'Strategy for the development of AI technologies until 2030 (2024)',
  }),
  req('kgz-egov', 'KGZ', {
    title: 'ИИ-сервисы для электронного правительства', language: 'ru',
    description: 'Внедрение ИИ-помощников на портале госуслуг на кыргызском и русском языках.',
    capacityAreas: ['public-sector-ai', 'language-technology'], modalities: ['technical-assistance', 'technology-transfer'], sdgs: [16],
    deliveryLanguages: ['ky', 'ru'], budgetUsd: 150000, nationalStrategyRef: 'Digital Kyrgyzstan 2024-2028',
  }),
  req('tjk-research', 'TJK', {
    title: 'Научные исследования в области ИИ и доступ к вычислениям', language: 'ru',
    description: 'Укрепление исследовательских групп университетов и доступ к вычислительным ресурсам.',
    capacityAreas: ['research-and-innovation', 'skills-and-education'], modalities: ['research-cooperation', 'training'], sdgs: [4, 9],
    deliveryLanguages: ['tg', 'ru'], budgetUsd: 100000, nationalStrategyRef: 'Strategy for AI development in Tajikistan until 2040',
  }),
  req('arm-safety', 'ARM', {
    title: 'AI evaluation capacity for the public sector', language: 'en',
    description: 'Set up an evaluation team able to test AI systems procured by government for safety and bias.',
    capacityAreas: ['ai-safety-and-evaluation', 'ai-governance-and-ethics'], modalities: ['training', 'research-cooperation'], sdgs: [16],
    deliveryLanguages: ['hy', 'en'], budgetUsd: 90000, nationalStrategyRef: 'Digitalization Strategy of Armenia 2021-2025',
  }),
  // Western Asia
  req('jor-arabic-nlp', 'JOR', {
    title: 'Arabic NLP for government services', language: 'en',
    description: 'Arabic language models for the unified government services portal and call centre.',
    capacityAreas: ['language-technology', 'public-sector-ai'], modalities: ['technical-assistance', 'training'], sdgs: [9, 16],
    deliveryLanguages: ['ar', 'en'], budgetUsd: 200000, nationalStrategyRef: 'Jordan AI Strategy and Implementation Plan 2023-2027',
  }),
  req('yem-youth', 'YEM', {
    title: 'المهارات الرقمية ومهارات الذكاء الاصطناعي للشباب النازحين', language: 'ar',
    description: 'برامج تدريبية عن بعد في المهارات الرقمية والذكاء الاصطناعي للشباب والنساء في المجتمعات النازحة.',
    capacityAreas: ['skills-and-education'], modalities: ['training'], sdgs: [4, 5, 8], targetGroups: ['vulnerable-groups', 'women-and-girls', 'children-and-youth'],
    deliveryLanguages: ['ar'], budgetUsd: 80000, priority: 'high',
  }),
  req('irq-strategy', 'IRQ', {
    title: 'National AI strategy for the public sector', language: 'en',
    description: 'Draft a national AI strategy focused on public-sector modernisation and data infrastructure.',
    capacityAreas: ['ai-strategy-and-policy', 'digital-infrastructure'], modalities: ['policy-exchange', 'technical-assistance'], sdgs: [9, 16],
    deliveryLanguages: ['ar', 'en'], budgetUsd: 250000, nationalStrategyRef: 'Iraq Vision 2030', cooperationTypes: NO_TRIANGULAR,
  }),
];
