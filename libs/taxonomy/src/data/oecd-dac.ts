// Members of the OECD Development Assistance Committee (OECD, "DAC members", list as of
// 2025-01; Lithuania joined in 2022, Estonia in 2024). The European Union, also a member, is no
// country. Domain rule (docs/domain.md, "Origin"): a provider country that is a DAC member is
// `north` even where WESP classifies it developing. The Republic of Korea is the one such case
// today: a DAC member since 2010 (OECD press release, 25 November 2009), counted developed by
// UNCTAD since 2021 (UNCTAD Trade and Development Board, 2 July 2021), listed developing in
// WESP 2025.
export const OECD_DAC_AS_OF = '2025-01-01';

export const OECD_DAC_MEMBERS: readonly string[] = Object.freeze([
  'AUS', 'AUT', 'BEL', 'CAN', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'ISL', 'IRL', 'ITA', 'JPN',
  'KOR', 'LTU', 'LUX', 'NLD', 'NZL', 'NOR', 'POL', 'PRT', 'SVK', 'SVN', 'ESP', 'SWE', 'CHE', 'GBR', 'USA',
]);
