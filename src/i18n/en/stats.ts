import type { stats as es } from '../es-MX/stats.ts';

export const stats: Record<keyof typeof es, string> = {
  'stats.topic.population': 'Population',
  'stats.topic.age': 'Age',
  'stats.topic.ethnicity': 'Ethnicity',
  'stats.topic.marginalization': 'Marginalization',
  'stats.topic.housing': 'Housing',
  'stats.topic.health': 'Health and disability',
  'stats.topic.education': 'Education',
  'stats.topic.economy': 'Economic activity',
  'stats.topic.social': 'Households, migration and religion',
  'stats.topic.demography': 'Population dynamics (CONAPO)',
  'stats.unit.people': 'people',
  'stats.unit.dwellings': 'dwellings',
  'stats.unit.households': 'households',
  'stats.unit.agebs': 'AGEBs',
  'stats.unit.percent': '%',
  'stats.unit.per_100': 'men per 100 women',
  'stats.unit.index': 'index',
  'stats.unit.grade': 'grade',
  'stats.unit.years': 'years',
  'stats.unit.children_per_woman': 'children per woman',
  'stats.unit.per_1000': 'per 1,000 live births',
  'stats.unit.people_per_household': 'people per household',
  'stats.unit.per_100_people': 'per 100 people',
  'stats.unit.per_1000_people': 'per 1,000 inhabitants',
  'stats.unit.per_1000_women': 'per 1,000 women',
  'stats.unit.km2': 'km²',
  'stats.unit.people_per_km2': 'inhabitants per km²',
  'stats.level.state': 'state',
  'stats.level.mun': 'municipality',
  'stats.level.region': 'region',
  'stats.level.zm': 'metropolitan zone',
  'stats.level.set': 'set of municipalities',
  'stats.level.polygon': 'polygon',
  'stats.aggregation.sum': 'Sum of the municipalities',
  'stats.aggregation.ratio': 'Ratio of sums (numerator and denominator summed)',
  'stats.aggregation.not_aggregable': 'Not aggregable (by municipality only)',
  'stats.ind.population_total.name': 'Total population',
  'stats.ind.population_total.def':
    'People usually resident in the place. Censuses 1990, 2000, 2010 and 2020; counts 1995 and 2005; 2015 Intercensal Survey (estimate).',
  'stats.ind.population_total.synonyms': 'inhabitants; population; people; how many people; residents',
  'stats.ind.population_female.name': 'Female population',
  'stats.ind.population_female.def': 'Women usually resident in the place.',
  'stats.ind.population_female.synonyms': 'women; females; female population',
  'stats.ind.population_male.name': 'Male population',
  'stats.ind.population_male.def': 'Men usually resident in the place.',
  'stats.ind.population_male.synonyms': 'men; males; male population',
  'stats.ind.pct_female.name': 'Percentage of women',
  'stats.ind.pct_female.def': 'Women per 100 inhabitants.',
  'stats.ind.pct_female.synonyms': 'share of women; percentage of women',
  'stats.ind.sex_ratio.name': 'Sex ratio',
  'stats.ind.sex_ratio.def': 'Men per 100 women.',
  'stats.ind.sex_ratio.synonyms': 'masculinity ratio; men per 100 women',
  'stats.ind.population_change.name': 'Percentage population change between censuses',
  'stats.ind.population_change.def':
    'Change of the total population since the previous census (ten years earlier), in percent: (P year − P year−10) / P year−10 × 100.',
  'stats.ind.population_change.synonyms': 'population change; percentage growth',
  'stats.ind.population_change_absolute.name': 'Absolute population change between censuses',
  'stats.ind.population_change_absolute.def':
    'Difference between the total population of the census and that of the previous census (ten years earlier).',
  'stats.ind.population_change_absolute.synonyms': 'population increase; absolute change',
  'stats.ind.population_growth_rate_annual.name': 'Average annual population growth rate',
  'stats.ind.population_growth_rate_annual.def':
    'Average growth per year between the previous census and the one of the year, in per cent, computed between the exact reference dates of both counts (not a round ten years): ((P₁ / P₀)^(1/t) − 1) × 100, with t the years between those dates. It is the measure COESPO publishes.',
  'stats.ind.population_growth_rate_annual.synonyms': 'growth rate; annual growth; population growth',
  'stats.ind.population_projection.name': 'Projected population (CONAPO, municipalities)',
  'stats.ind.population_projection.def':
    'Mid-year population according to CONAPO’s municipal population projections 2015–2030 (2019 edition).',
  'stats.ind.population_projection.synonyms':
    'projected population; population projection; projections; future population; population',
  'stats.ind.population_projection_state.name': 'Projected state population (CONAPO 2023)',
  'stats.ind.population_projection_state.def':
    'Mid-year population of the state according to CONAPO’s demographic reconciliation and projections 2020–2070 (2023).',
  'stats.ind.population_projection_state.synonyms':
    'projected population; population projection; projections; future population; population',
  'stats.ind.households.name': 'Census households',
  'stats.ind.households.def': 'Households in occupied private dwellings.',
  'stats.ind.households.synonyms': 'households; families',
  'stats.ind.pct_female_headed_households.name': 'Percentage of female-headed households',
  'stats.ind.pct_female_headed_households.def':
    'Households whose reference person is a woman, per 100 households.',
  'stats.ind.pct_female_headed_households.synonyms': 'share of households headed by women',
  'stats.ind.population_0_2.name': 'Population aged 0 to 2',
  'stats.ind.population_0_2.def': 'People aged 0 to 2.',
  'stats.ind.population_0_2.synonyms': 'babies',
  'stats.ind.population_3_5.name': 'Population aged 3 to 5',
  'stats.ind.population_3_5.def': 'People aged 3 to 5.',
  'stats.ind.population_6_11.name': 'Population aged 6 to 11',
  'stats.ind.population_6_11.def': 'People aged 6 to 11.',
  'stats.ind.population_12_14.name': 'Population aged 12 to 14',
  'stats.ind.population_12_14.def': 'People aged 12 to 14.',
  'stats.ind.population_15_17.name': 'Population aged 15 to 17',
  'stats.ind.population_15_17.def': 'People aged 15 to 17.',
  'stats.ind.population_15_64.name': 'Population aged 15 to 64',
  'stats.ind.population_15_64.def': 'People aged 15 to 64 (working-age population).',
  'stats.ind.population_60_plus.name': 'Population aged 60 and over',
  'stats.ind.population_60_plus.def': 'People aged 60 or over.',
  'stats.ind.population_60_plus.synonyms': 'older people; elderly; seniors; over 60',
  'stats.ind.pct_0_14.name': 'Percentage of population aged 0 to 14',
  'stats.ind.pct_0_14.def': 'People aged 0 to 14 per 100 inhabitants.',
  'stats.ind.pct_0_14.synonyms': 'share of children; percentage of children',
  'stats.ind.pct_60_plus.name': 'Percentage of population aged 60 and over',
  'stats.ind.pct_60_plus.def': 'People aged 60 or over per 100 inhabitants.',
  'stats.ind.pct_60_plus.synonyms': 'percentage of older people; share of elderly',
  'stats.ind.population_pyramid_2015.name': 'Population pyramid 2015 (age and sex)',
  'stats.ind.population_pyramid_2015.def':
    'Population by five-year age group and sex from the 2015 Intercensal Survey (estimate). The total excludes unspecified age.',
  'stats.ind.population_pyramid_2015.synonyms': 'population pyramid; age and sex',
  'stats.ind.indigenous_language_speakers_3plus.name': 'Indigenous-language speakers aged 3 and over',
  'stats.ind.indigenous_language_speakers_3plus.def':
    'People aged 3 or over who speak an indigenous language.',
  'stats.ind.indigenous_language_speakers_3plus.synonyms':
    'indigenous language speakers; indigenous people; indigenous population',
  'stats.ind.pct_indigenous_language_3plus.name': 'Percentage of indigenous-language speakers',
  'stats.ind.pct_indigenous_language_3plus.def':
    'Indigenous-language speakers per 100 people aged 3 and over.',
  'stats.ind.pct_indigenous_language_3plus.synonyms':
    'percentage of indigenous people; share of indigenous population',
  'stats.ind.afromexican_population.name': 'Afro-Mexican or Afro-descendant population',
  'stats.ind.afromexican_population.def':
    'People who consider themselves Afro-Mexican, Black or Afro-descendant by culture, history and customs.',
  'stats.ind.afromexican_population.synonyms': 'afro-mexicans; afro-descendants; afromexican',
  'stats.ind.pct_afromexican.name': 'Percentage of Afro-Mexican population',
  'stats.ind.pct_afromexican.def': 'Afro-Mexican or Afro-descendant people per 100 inhabitants.',
  'stats.ind.pct_afromexican.synonyms': 'share of afro-mexicans',
  'stats.ind.marginalization_index.name': 'Marginalization index',
  'stats.ind.marginalization_index.def':
    'CONAPO composite index of deprivation in education, housing, population distribution and income; it is neither summed nor averaged. Key kept for compatibility: for a municipality it gives the municipal index (IMM) and for the state the state index (IME 2020), which are different scales; use «Municipal marginalization index» or «State marginalization index».',
  'stats.ind.marginalization_index.synonyms': 'marginalization index; marginalization; marginalisation',
  'stats.ind.marginalization_index_municipal.name': 'Municipal marginalization index (IMM)',
  'stats.ind.marginalization_index_municipal.def':
    'CONAPO Índice de Marginación por Municipio (2010, 2015 and 2020 editions). It compares municipalities within one edition; each edition has its own scale, so the value is not compared across editions (the grade is). It is neither summed nor averaged.',
  'stats.ind.marginalization_index_municipal.synonyms': 'IMM; municipal marginalization index',
  'stats.ind.marginalization_index_state.name': 'State marginalization index (IME)',
  'stats.ind.marginalization_index_state.def':
    'CONAPO Índice de Marginación por Entidad Federativa 2020: it compares the state with the other 31; its scale differs from the municipal index, so it is not compared with it.',
  'stats.ind.marginalization_index_state.synonyms': 'IME; state marginalization index',
  'stats.ind.marginalization_grade.name': 'Marginalization grade',
  'stats.ind.marginalization_grade.def':
    'Stratum of CONAPO’s marginalization index: Very low, Low, Medium, High or Very high.',
  'stats.ind.marginalization_grade.synonyms':
    'marginalization grade; marginalization level; degree of marginalization',
  'stats.ind.marginalization_index_normalized.name': 'Normalized marginalization index',
  'stats.ind.marginalization_index_normalized.def':
    'CONAPO’s marginalization index rescaled between 0 and 1.',
  'stats.ind.pct_illiterate_15plus.name': 'Percentage of illiterate population aged 15 and over',
  'stats.ind.pct_illiterate_15plus.def':
    'People aged 15 or over who cannot read or write, per 100 of that age (CONAPO indicator ANALF).',
  'stats.ind.pct_illiterate_15plus.synonyms': 'illiteracy; illiteracy rate',
  'stats.ind.pct_no_basic_education_15plus.name':
    'Percentage of population aged 15 and over without basic education',
  'stats.ind.pct_no_basic_education_15plus.def':
    'People aged 15 or over without completed basic education, per 100 of that age (CONAPO indicator SBASC).',
  'stats.ind.pct_no_basic_education_15plus.synonyms': 'educational lag; without basic education',
  'stats.ind.pct_low_income_workers.name': 'Percentage of employed population with low income',
  'stats.ind.pct_low_income_workers.def':
    'Employed people earning up to two minimum wages, per 100 employed (CONAPO indicator PO2SM).',
  'stats.ind.pct_low_income_workers.synonyms': 'low income; low wages',
  'stats.ind.urban_population_indexed_agebs.name': 'Population in urban AGEBs with a marginalization index',
  'stats.ind.urban_population_indexed_agebs.def':
    'Population of the urban AGEBs included in CONAPO’s 2020 Urban Marginalization Index.',
  'stats.ind.pct_urban_population_high_marginalization.name':
    'Percentage of urban population in high or very high marginalization AGEBs',
  'stats.ind.pct_urban_population_high_marginalization.def':
    'Population of urban AGEBs with a High or Very high urban marginalization grade, per 100 inhabitants of the indexed urban AGEBs.',
  'stats.ind.occupied_dwellings.name': 'Occupied dwellings',
  'stats.ind.occupied_dwellings.def': 'Total occupied dwellings in the 2020 Census.',
  'stats.ind.occupied_dwellings.synonyms': 'dwellings; houses; homes; housing units',
  'stats.ind.pct_dwellings_electricity.name': 'Percentage of dwellings with electricity',
  'stats.ind.pct_dwellings_electricity.def':
    'Occupied private dwellings with electricity, per 100 occupied dwellings.',
  'stats.ind.pct_dwellings_electricity.synonyms': 'share of dwellings with electricity',
  'stats.ind.pct_dwellings_piped_water.name': 'Percentage of dwellings with piped water',
  'stats.ind.pct_dwellings_piped_water.def':
    'Occupied private dwellings with piped water inside the dwelling or outside it but within the plot (VPH_AGUADV), per 100 occupied dwellings.',
  'stats.ind.pct_dwellings_piped_water.synonyms': 'share of dwellings with water',
  'stats.ind.pct_dwellings_drainage.name': 'Percentage of dwellings with drainage',
  'stats.ind.pct_dwellings_drainage.def':
    'Occupied private dwellings with drainage, per 100 occupied dwellings.',
  'stats.ind.pct_dwellings_internet.name': 'Percentage of dwellings with internet',
  'stats.ind.pct_dwellings_internet.def':
    'Occupied private dwellings with internet, per 100 occupied dwellings.',
  'stats.ind.pct_dwellings_internet.synonyms': 'share of dwellings with internet; percentage with internet',
  'stats.ind.pct_dwellings_one_bedroom.name': 'Percentage of one-bedroom dwellings',
  'stats.ind.pct_dwellings_one_bedroom.def':
    'Occupied private dwellings with one bedroom, per 100 occupied dwellings.',
  'stats.ind.population_without_health_coverage.name': 'Population without health-service affiliation',
  'stats.ind.population_without_health_coverage.def':
    'People not affiliated with any public or private health-service institution.',
  'stats.ind.population_without_health_coverage.synonyms':
    'without health insurance; uninsured; no health coverage',
  'stats.ind.pct_without_health_coverage.name': 'Percentage of population without health-service affiliation',
  'stats.ind.pct_without_health_coverage.def':
    'People without health-service affiliation per 100 inhabitants.',
  'stats.ind.pct_without_health_coverage.synonyms': 'share without health insurance; percentage uninsured',
  'stats.ind.pct_imss.name': 'Percentage of population affiliated with IMSS',
  'stats.ind.pct_imss.def':
    'People affiliated with the Mexican Social Security Institute per 100 inhabitants.',
  'stats.ind.pct_imss.synonyms': 'share with IMSS',
  'stats.ind.population_with_disability.name': 'Population with disability',
  'stats.ind.population_with_disability.def':
    'People who have great difficulty with, or cannot do, an everyday activity.',
  'stats.ind.population_with_disability.synonyms': 'disability; disabled people; people with disabilities',
  'stats.ind.pct_with_disability.name': 'Percentage of population with disability',
  'stats.ind.pct_with_disability.def': 'People with disability per 100 inhabitants.',
  'stats.ind.pct_with_disability.synonyms': 'share with disability; percentage with disability',
  'stats.ind.illiterate_population_15plus.name': 'Illiterate population aged 15 and over',
  'stats.ind.illiterate_population_15plus.def': 'People aged 15 or over who cannot read or write a note.',
  'stats.ind.illiterate_population_15plus.synonyms': 'illiterate; illiterate people',
  'stats.ind.pct_illiterate_15plus_census.name':
    'Illiterate population aged 15 and over, % (computed from the 2020 Census)',
  'stats.ind.pct_illiterate_15plus_census.def':
    "People aged 15 or over who cannot read and write a short message (P15YM_AN), per 100 people aged 15 or over; the denominator is the total population less those aged 0 to 14 (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14), so it includes people whose age was not stated. It is summed over places, so it exists for regions, zones and polygons; it differs from CONAPO's ANALF by less than 0.04 points in every municipality.",
  'stats.ind.employed_population.name': 'Employed population',
  'stats.ind.employed_population.def':
    'People aged 12 or over who worked or had a job in the reference week.',
  'stats.ind.employed_population.synonyms': 'employed; workers; employed people',
  'stats.ind.unemployed_population.name': 'Unemployed population',
  'stats.ind.unemployed_population.def':
    'People aged 12 or over who had no job and looked for one in the reference week.',
  'stats.ind.unemployed_population.synonyms': 'unemployed; jobless',
  'stats.ind.economically_inactive_population.name': 'Economically inactive population',
  'stats.ind.economically_inactive_population.def':
    'People aged 12 or over who neither worked nor looked for work (students, homemakers, retirees, etc.).',
  'stats.ind.economically_inactive_population.synonyms': 'inactive population',
  'stats.ind.unemployment_rate.name': 'Unemployment rate',
  'stats.ind.unemployment_rate.def': 'Unemployed people per 100 economically active people.',
  'stats.ind.unemployment_rate.synonyms': 'unemployment; unemployment rate',
  'stats.ind.pct_employed_women.name': 'Percentage of women among the employed',
  'stats.ind.pct_employed_women.def': 'Employed women per 100 employed people.',
  'stats.ind.pct_born_other_state.name': 'Percentage of population born in another state',
  'stats.ind.pct_born_other_state.def': 'People born in another state per 100 inhabitants.',
  'stats.ind.pct_born_other_state.synonyms': 'share of migrants; share born in another state',
  'stats.ind.pct_catholic.name': 'Percentage of Catholic population',
  'stats.ind.pct_catholic.def': 'People who declared the Catholic religion per 100 inhabitants.',
  'stats.ind.pct_catholic.synonyms': 'share of catholics',
  'stats.ind.life_expectancy.name': 'Life expectancy at birth',
  'stats.ind.life_expectancy.def':
    'Years a newborn would live on average if the year’s mortality persisted (CONAPO estimate and projection, state level).',
  'stats.ind.life_expectancy.synonyms': 'life expectancy',
  'stats.ind.total_fertility_rate.name': 'Total fertility rate',
  'stats.ind.total_fertility_rate.def':
    'Children a woman would have on average over her reproductive life (CONAPO estimate and projection, state level).',
  'stats.ind.total_fertility_rate.synonyms': 'fertility; children per woman; fertility rate',
  'stats.ind.infant_mortality_rate.name': 'Infant mortality rate',
  'stats.ind.infant_mortality_rate.def':
    'Deaths under one year of age per 1,000 live births (CONAPO estimate and projection, state level).',
  'stats.ind.infant_mortality_rate.synonyms': 'infant mortality',
  'stats.geo.set_name': 'Set of {municipalities}: {names}',
  'stats.count.municipalities.one': '{count} municipality',
  'stats.count.municipalities.other': '{count} municipalities',
  'stats.geo.polygon_name': 'the drawn area',
  'stats.note.polygon_method':
    'The drawn area’s figures were computed by area share: the polygon was intersected with the municipal boundaries (Geostatistical Framework, simplified) and each municipality is weighted by the share of its area covered: {detail}. Assumes population is spread evenly within each municipality.',
  'stats.note.polygon_agebs':
    'The municipalities touched contain {agebs} urban AGEBs of the 2020 Urban Marginalization Index; as there is no AGEB geometry here, they are assigned through their municipality with the same area share.',
  'stats.note.polygon_agebs_localities':
    'Urban-AGEB indicators: the {agebs} urban AGEBs of the localities whose point (ITER 2020) lies inside the polygon were used, unweighted.',
  'stats.note.expanded':
    '{indicator} cannot be aggregated: the value of each municipality is shown instead of a total.',
  'stats.note.years_skipped': '{indicator} is not available for {skipped}; available years: {years}.',
  'stats.note.alternative_variable':
    'The variable «{preferredLabel}» is not available: the denominator is «{usedLabel}» (see the sources), so the figure may differ slightly from the one the source publishes.',
  'stats.note.not_loaded': 'The data of “{dataset}” have not been loaded yet.',
  'stats.note.growth_dates':
    'Geometric rate between the reference dates of the two counts: {from} and {to} ({years} years).',
  'stats.note.imm_editions':
    'Each edition of the marginalization index (2010, 2015, 2020) has its own scale, and the state index (IME) differs from the municipal one (IMM): do not compare index values across editions or between the state and municipalities; the marginalization grade is the comparable one.',
  'stats.note.census_2015_municipality':
    'Municipality fully enumerated by the 2015 Intercensal Survey: the figure is a complete count, without sampling error.',
  'stats.note.cv_high':
    "Coefficient of variation of the estimate: {cv} % (high precision by INEGI's criterion: under 15 %).",
  'stats.note.cv_moderate':
    'Coefficient of variation of the estimate: {cv} %: moderate precision (15 % to under 30 %); use with caution.',
  'stats.note.cv_low':
    'Coefficient of variation of the estimate: {cv} %: low precision (30 % or more); use with reservations.',
  'stats.note.cv_cells':
    'Each age-sex cell carries its coefficient of variation: {moderate} of {cells} are 15 % or more (moderate or low precision) and {low} are 30 % or more (low precision).',
  'stats.note.region_scheme':
    "Region of the State of Mexico government's {scheme} ({count} regions, Development Plan 2017–2023); a different scheme of 19 regions was adopted in 2024.",
  'stats.note.zone_delimitation':
    'Zone as in the {scheme} (SEDATU-CONAPO-INEGI); only its municipalities in the State of Mexico are counted.',
  'stats.note.state_published': 'State figure as published by the source.',
  'stats.note.no_state_figure': 'The source does not publish this figure for the state in this year.',
  'stats.note.state_not_loaded':
    'CONAPO publishes this figure for the state in its Índice de Marginación por Entidad {year}, which is not loaded: the figure is not loaded (it does exist).',
  'stats.note.single_member': "{place} has a single municipality, {name}: the figure is that municipality's.",
  'stats.note.sum_method': 'Sum of the values of {municipalities}.',
  'stats.note.ratio_method':
    'Computed by first adding the numerators and the denominators of {municipalities} (not an average of percentages).',
  'stats.note.partial':
    'Partial aggregate: excludes {municipalities} without data ({suppressed} for confidentiality): {names}.',
  'stats.note.partial_termwise':
    'Each year was summed over the municipalities with a figure for that year; no figure in one of the years compared (for example, because they did not exist yet and their territory was part of others): {names} ({municipalities}).',
  'stats.note.not_created_members':
    'Municipalities that did not exist yet in one of the years (their territory is included in other municipalities): {names} ({municipalities}).',
  'stats.note.not_created':
    'The municipality did not exist yet in that year (or in the year compared with); its territory was part of other municipalities.',
  'stats.note.suppressed': 'Figure withheld for confidentiality (INEGI).',
  'stats.note.not_available': 'Figure not available in the source.',
  'stats.note.survey_2015': '2015 figure: Intercensal Survey estimate, not a count.',
  'stats.note.projection_edition':
    'Projection from the 2019 edition, based on 2015 data; for 2020 it overestimates the census population.',
  'stats.note.iter_subset':
    'The 2020 census figures by municipality were read from a third-party reproduction of the municipal totals of INEGI’s Principales resultados por localidad, not from INEGI’s file; the state’s total population matches the one INEGI publishes.',
  'error.not_found.indicator': 'There is no indicator with that key. See the catalog at /datos.',
  'error.not_found.geo':
    'That geographic area does not exist. Use state:15, mun:15MMM, region:N, zm:CC.NN or set:15MMM,15MMM (see /api/v1/geographies).',
  'stats.error.geo_malformed':
    'The geographic area is not valid: use state:15, mun:15033, region:6, zm:15.02, set:15033,15058 or a GeoJSON polygon (WGS84).',
  'stats.error.year_unavailable': '{indicator} is not available for {year}. Available years: {years}.',
  'stats.error.not_aggregable':
    '{indicator} is a composite index: it cannot be summed or averaged for {place}. You can ask for the value of each of its {municipalities}: {list}.',
  'stats.error.not_aggregable_published':
    '{indicator} is a percentage the source publishes already computed by municipality, without its numerator or denominator: it cannot be summed or averaged for {place}. You can ask for the value of each of its {municipalities}: {list}.',
  'stats.error.territory_changed':
    '{indicator} compares {from} with {year}, but {created} was created in between from territory of {parents} (it has its own figure since {first}): for {place} one year would count that territory and the other would not. Compare on a constant territory, with the original and the new municipality together: {suggestion}.',
  'stats.error.level_unavailable': '{indicator} is only available for: {levels}.',
  'stats.error.no_boundaries':
    'Polygons cannot be queried: the municipal boundaries have not been loaded yet.',
  'stats.error.polygon_outside': 'The polygon does not touch any municipality of the state.',
  'stats.error.query_invalid': 'The query is not valid.',
  'stats.api.description':
    '{agency} data API: indicator catalog, geographic areas and official figures (INEGI, CONAPO) with their source.',
  'stats.api.invalid.indicator':
    'The indicator key is not valid (lower-case letters, digits and underscore).',
  'stats.api.invalid.indicators': 'Give between 1 and 60 valid indicator keys.',
  'stats.api.invalid.geo': 'Give a geographic area (geo): an id or a GeoJSON polygon.',
  'stats.api.invalid.year': 'The year must be a whole number between 1900 and 2100.',
  'stats.api.invalid.years': 'Years must be a list of whole numbers between 1900 and 2100.',
  'stats.api.invalid.level': 'The level must be state, mun, region or zm.',
  'stats.api.invalid.body': 'The request body must be valid JSON.',
  // OpenAPI document of /api/v1 (statistics); the document is served in Spanish.
  'stats.openapi.error.400': 'Malformed query',
  'stats.openapi.error.404': 'Unknown indicator or geographic area',
  'stats.openapi.error.422': 'Not aggregable, or year / level not available',
  'stats.openapi.geo':
    'state:15, mun:15MMM, region:N, zm:CC.NN, set:15MMM,15MMM… or a GeoJSON polygon (WGS84) encoded as JSON',
  'stats.openapi.tag_name': 'statistics',
  'stats.openapi.tag': 'Catalog of indicators, geographic areas and official figures',
  'stats.openapi.indicators.summary': 'Indicator catalog',
  'stats.openapi.indicators.response': 'Indicators',
  'stats.openapi.topics.summary': 'Catalog topics',
  'stats.openapi.topics.response': 'Topics',
  'stats.openapi.geographies.summary':
    'Named geographic areas (state, municipalities, regions, metropolitan areas)',
  'stats.openapi.geographies.response': 'Areas',
  'stats.openapi.datasets.summary': 'Official datasets loaded (source, edition, SHA-256, rows, date)',
  'stats.openapi.datasets.response': 'Datasets',
  'stats.openapi.value.summary': 'Value of an indicator for an area and a year',
  'stats.openapi.value.year': "By default, the indicator's most recent year",
  'stats.openapi.value.response': 'The value, with its source and notes',
  'stats.openapi.table.summary': 'Table of several indicators and years for an area (id or GeoJSON polygon)',
  'stats.openapi.table.response': 'Table of values',
  'stats.datasets.loaded_detail': '{rows} rows, loaded on {date}.',
  'stats.page.title': 'Available data',
  'stats.page.lead':
    'Browse the official indicators (INEGI and CONAPO) you can request for the {state}, its regions, metropolitan zones and municipalities. Figures on this page are for reference; for an official signed answer, make a request.',
  'stats.page.query_heading': 'Look up a value',
  'stats.page.field.indicator': 'Indicator',
  'stats.page.field.geo': 'Geographic area',
  'stats.page.field.year': 'Year',
  'stats.page.field.year_hint': 'Leave it empty for the latest year.',
  'stats.page.submit': 'Look up',
  'stats.page.show_year': 'Show year',
  'stats.page.error_heading': 'This value cannot be shown',
  'stats.page.result_heading': 'Result',
  'stats.page.request_official': 'Request an official signed answer',
  'stats.page.catalog_heading': 'Indicator catalog',
  'stats.page.catalog_lead': '{count} indicators, grouped by topic.',
  'stats.page.catalog_caption': 'Indicators of the topic {topic}',
  'stats.page.api_link': 'Data API documentation (OpenAPI)',
  'stats.page.back_catalog': 'Back to the data catalog',
  'stats.page.values_caption': '{indicator}, {year}, by geographic area',
  'stats.page.values_by_year': '{indicator} of the {state}, by year',
  'stats.page.pyramid_caption': 'Population by age group and sex, {place}, {year}',
  'stats.page.not_loaded': 'The data of this indicator have not been loaded yet.',
  'stats.page.suppressed': 'Withheld',
  'stats.page.not_available': 'Not available',
  'stats.page.not_applicable': 'Did not exist',
  'stats.page.geo_state': 'State',
  'stats.page.geo_regions': 'Regions (2017–2023)',
  'stats.page.geo_zones': 'Metropolitan zones (2015)',
  'stats.page.geo_municipalities': 'Municipalities',
  'stats.page.col.indicator': 'Indicator',
  'stats.page.col.area': 'Area',
  'stats.page.col.year': 'Year',
  'stats.page.col.years': 'Years',
  'stats.page.col.value': 'Value',
  'stats.page.col.source': 'Source and notes',
  'stats.page.col.notes': 'Notes',
  'stats.page.col.definition': 'Definition',
  'stats.page.col.aggregation': 'How it aggregates',
  'stats.page.col.key': 'Key',
  'stats.page.col.unit': 'Unit',
  'stats.page.col.age_group': 'Age group',
  'stats.page.col.men': 'Men',
  'stats.page.col.women': 'Women',
  'stats.reason.no_indicators': 'No indicator was requested.',
  'stats.reason.unknown_indicator': 'An indicator that is not in the catalog was requested.',
  'stats.reason.not_loaded': 'The data of a requested indicator are not loaded.',
  'stats.reason.no_data': 'A requested figure is not available or is withheld.',
  'stats.reason.unknown': 'The query cannot be answered automatically.',
  'stats.import.error': 'File {file}, row {row}, column {column}: {problem}',
  'stats.import.file_error': 'File {file}: {problem}',
  'stats.import.problem.missing_columns': 'columns {columns} are missing',
  'stats.import.problem.bad_csv': 'malformed CSV ({detail})',
  'stats.import.problem.empty': 'the file is empty',
  'stats.import.problem.no_column': 'no such column',
  'stats.import.problem.not_numeric': 'non-numeric value “{value}”',
  'stats.import.problem.total_mismatch': '{parts} = {added}, but {total} = {sum}; the total does not add up',
  'stats.import.problem.bad_geojson': 'malformed GeoJSON ({detail})',
  'stats.import.problem.not_feature_collection': 'a FeatureCollection was expected',
  'stats.import.problem.bad_geometry': 'the geometry is not a valid GeoJSON polygon (WGS84)',
  'stats.import.problem.unknown_municipality': 'unknown municipality code “{value}”',
  'stats.import.problem.missing_municipalities': '{count} municipalities are missing: {codes}',
  'stats.import.problem.duplicate': 'repeated row for {key}',
  'stats.import.problem.other_entity': 'entity “{value}” is not {entity}',
  'stats.import.problem.year_out_of_range': 'year “{value}” outside the file’s period',
  'stats.import.problem.municipality_without_code': 'municipality “{value}” without an NNN code',
  'stats.import.problem.no_index_column': 'the marginalization index column IM_<year> is missing',
  'stats.import.problem.unknown_grade': 'unknown marginalization grade “{value}”',
  'stats.import.problem.bad_entity': 'invalid entity code “{value}”',
  'stats.import.problem.no_entity_row': 'no row for entity {entity}',
  'stats.import.problem.bad_ageb': 'invalid AGEB code “{value}”',
  'stats.import.problem.unknown_sex': 'unknown sex “{value}”',
  'stats.import.problem.bad_year': 'invalid year “{value}”',
  'stats.import.problem.unknown_age_group': 'unknown age group “{value}”',
  'stats.import.problem.bad_coordinate': 'invalid coordinate “{value}”',
  'stats.cli.importing': 'Importing official data from {dir}',
  'stats.cli.no_dir': 'No data directory: give DIR or set STATS_DATA_DIR.',
  'stats.cli.summary': '{imported} datasets imported, {failed} with errors.',
  'stats.cli.counts': '{rows} rows, {facts} figures',
  'stats.cli.status.imported': 'imported',
  'stats.cli.status.unchanged': 'unchanged',
  'stats.cli.status.missing': 'not found',
  'stats.cli.status.failed': 'ERROR',
  'stats.cli.summary_line': 'Imports the official data files (INEGI, CONAPO) into the statistics tables',
  // Issue 16 finding 5: what is wrong with a requester's polygon, said so it can be fixed.
  'polygon.problem.not_polygon':
    'The file holds no GeoJSON polygon. Accepted: a Polygon, a MultiPolygon, a Feature with one of them, or a FeatureCollection (as geojson.io and QGIS export).',
  'polygon.problem.collection_without_polygon':
    'The FeatureCollection holds no polygon: only points, lines or other geometries. Draw or export an area (Polygon or MultiPolygon).',
  'polygon.problem.coordinates':
    'Some coordinates are not valid: each point must be [longitude, latitude] in degrees, longitude between -180 and 180 and latitude between -90 and 90, with no empty values or text.',
  'polygon.problem.not_closed': 'A ring of the polygon is not closed: its last point must repeat the first.',
  'polygon.problem.too_many_vertices':
    'The polygon has {count} vertices and at most {max} are accepted. Simplify it (e.g. with “Simplify” in QGIS) and send it again.',
  'polygon.problem.too_large':
    'The polygon takes more than {kb} KB. Simplify it or round the coordinates (five decimals are enough).',
  'polygon.problem.too_few_points':
    'The polygon is degenerate: one of its rings has fewer than 3 distinct points.',
  'polygon.problem.zero_area':
    'The polygon is degenerate: its area is zero (its points are aligned or repeated).',
  'polygon.problem.antimeridian':
    'The polygon crosses the antimeridian (longitude 180°), so it does not describe an area of the state. Check the longitudes.',
  'polygon.problem.self_intersecting':
    'The polygon crosses itself (or two of its parts overlap) near longitude {lon}, latitude {lat}. Fix the outline so that its sides do not cross.',
  'stats.error.polygon_too_complex':
    'The polygon is too complex to intersect with the municipal boundaries in time. Simplify it (fewer vertices or a smoother outline) and try again.',
  'stats.note.polygon_outside_share':
    '{pct} % of the polygon’s area lies outside {state}: the figures cover only the part inside.',
};
