/** Statistics: names and definitions of the wider indicator catalog (issue 18), English. */
import type { statsCatalog as es } from '../es-MX/stats-catalog.ts';
export const statsCatalog: Record<keyof typeof es, string> = {
  'stats.ind.dwellings_electricity.name': 'Dwellings with electricity',
  'stats.ind.dwellings_electricity.def': 'Occupied private dwellings that have electricity (VPH_C_ELEC).',
  'stats.ind.dwellings_electricity.synonyms': 'homes with electricity',
  'stats.ind.dwellings_piped_water.name': 'Dwellings with piped water',
  'stats.ind.dwellings_piped_water.def':
    'Occupied private dwellings that have piped water inside the dwelling or outside it but within the plot (VPH_AGUADV).',
  'stats.ind.dwellings_piped_water.synonyms': 'homes with water',
  'stats.ind.dwellings_drainage.name': 'Dwellings with drainage',
  'stats.ind.dwellings_drainage.def': 'Occupied private dwellings that have drainage (VPH_DRENAJ).',
  'stats.ind.dwellings_internet.name': 'Dwellings with internet',
  'stats.ind.dwellings_internet.def': 'Occupied private dwellings that have internet (VPH_INTER).',
  'stats.ind.dwellings_internet.synonyms': 'homes with internet; houses with internet',
  'stats.ind.dwellings_one_bedroom.name': 'Dwellings with a single bedroom',
  'stats.ind.dwellings_one_bedroom.def': 'Occupied private dwellings that have a single bedroom (VPH_1DOR).',
  'stats.ind.dwellings_toilet.name': 'Dwellings with a toilet',
  'stats.ind.dwellings_toilet.def': 'Occupied private dwellings that have a toilet (VPH_EXCSA).',
  'stats.ind.pct_dwellings_toilet.name': 'Dwellings with a toilet, %',
  'stats.ind.pct_dwellings_toilet.def':
    'Occupied private dwellings that have a toilet (VPH_EXCSA), per 100 occupied dwellings.',
  'stats.ind.dwellings_water_tank.name': 'Dwellings with a water tank',
  'stats.ind.dwellings_water_tank.def':
    'Occupied private dwellings that have a rooftop water tank (tinaco) (VPH_TINACO).',
  'stats.ind.pct_dwellings_water_tank.name': 'Dwellings with a water tank, %',
  'stats.ind.pct_dwellings_water_tank.def':
    'Occupied private dwellings that have a rooftop water tank (tinaco) (VPH_TINACO), per 100 occupied dwellings.',
  'stats.ind.dwellings_cistern.name': 'Dwellings with a cistern',
  'stats.ind.dwellings_cistern.def': 'Occupied private dwellings that have a cistern (VPH_CISTER).',
  'stats.ind.pct_dwellings_cistern.name': 'Dwellings with a cistern, %',
  'stats.ind.pct_dwellings_cistern.def':
    'Occupied private dwellings that have a cistern (VPH_CISTER), per 100 occupied dwellings.',
  'stats.ind.dwellings_refrigerator.name': 'Dwellings with a refrigerator',
  'stats.ind.dwellings_refrigerator.def': 'Occupied private dwellings that have a refrigerator (VPH_REFRI).',
  'stats.ind.dwellings_refrigerator.synonyms': 'homes with a fridge',
  'stats.ind.pct_dwellings_refrigerator.name': 'Dwellings with a refrigerator, %',
  'stats.ind.pct_dwellings_refrigerator.def':
    'Occupied private dwellings that have a refrigerator (VPH_REFRI), per 100 occupied dwellings.',
  'stats.ind.dwellings_washing_machine.name': 'Dwellings with a washing machine',
  'stats.ind.dwellings_washing_machine.def':
    'Occupied private dwellings that have a washing machine (VPH_LAVAD).',
  'stats.ind.pct_dwellings_washing_machine.name': 'Dwellings with a washing machine, %',
  'stats.ind.pct_dwellings_washing_machine.def':
    'Occupied private dwellings that have a washing machine (VPH_LAVAD), per 100 occupied dwellings.',
  'stats.ind.dwellings_computer.name': 'Dwellings with a computer, laptop or tablet',
  'stats.ind.dwellings_computer.def':
    'Occupied private dwellings that have a computer, laptop or tablet (VPH_PC).',
  'stats.ind.dwellings_computer.synonyms': 'homes with a computer',
  'stats.ind.pct_dwellings_computer.name': 'Dwellings with a computer, laptop or tablet, %',
  'stats.ind.pct_dwellings_computer.def':
    'Occupied private dwellings that have a computer, laptop or tablet (VPH_PC), per 100 occupied dwellings.',
  'stats.ind.dwellings_mobile_phone.name': 'Dwellings with a mobile phone',
  'stats.ind.dwellings_mobile_phone.def': 'Occupied private dwellings that have a mobile phone (VPH_CEL).',
  'stats.ind.dwellings_mobile_phone.synonyms': 'homes with a mobile phone',
  'stats.ind.pct_dwellings_mobile_phone.name': 'Dwellings with a mobile phone, %',
  'stats.ind.pct_dwellings_mobile_phone.def':
    'Occupied private dwellings that have a mobile phone (VPH_CEL), per 100 occupied dwellings.',
  'stats.ind.dwellings_television.name': 'Dwellings with a television',
  'stats.ind.dwellings_television.def': 'Occupied private dwellings that have a television (VPH_TV).',
  'stats.ind.dwellings_television.synonyms': 'homes with a tv',
  'stats.ind.pct_dwellings_television.name': 'Dwellings with a television, %',
  'stats.ind.pct_dwellings_television.def':
    'Occupied private dwellings that have a television (VPH_TV), per 100 occupied dwellings.',
  'stats.ind.dwellings_bicycle.name': 'Dwellings with a bicycle',
  'stats.ind.dwellings_bicycle.def':
    'Occupied private dwellings that have a bicycle as a means of transport (VPH_BICI).',
  'stats.ind.dwellings_bicycle.synonyms': 'homes with a bike',
  'stats.ind.pct_dwellings_bicycle.name': 'Dwellings with a bicycle, %',
  'stats.ind.pct_dwellings_bicycle.def':
    'Occupied private dwellings that have a bicycle as a means of transport (VPH_BICI), per 100 occupied dwellings.',
  'stats.ind.dwellings_streaming.name': 'Dwellings with a paid streaming service',
  'stats.ind.dwellings_streaming.def':
    'Occupied private dwellings that have a paid streaming service (films, music or videos) over the internet (VPH_SPMVPI).',
  'stats.ind.dwellings_streaming.synonyms': 'streaming',
  'stats.ind.pct_dwellings_streaming.name': 'Dwellings with a paid streaming service, %',
  'stats.ind.pct_dwellings_streaming.def':
    'Occupied private dwellings that have a paid streaming service (films, music or videos) over the internet (VPH_SPMVPI), per 100 occupied dwellings.',
  'stats.ind.total_dwellings.name': 'Total dwellings',
  'stats.ind.total_dwellings.def':
    'Private dwellings (occupied, unoccupied and for temporary use) and collective dwellings (VIVTOT).',
  'stats.ind.total_dwellings.synonyms': 'total dwellings',
  'stats.ind.pct_dwellings_not_occupied.name': 'Unoccupied dwellings, %',
  'stats.ind.pct_dwellings_not_occupied.def':
    'Unoccupied or temporary-use dwellings per 100 dwellings: (VIVTOT − total occupied dwellings from the AGEEML, 2020 Census) / VIVTOT.',
  'stats.ind.pct_dwellings_not_occupied.synonyms': 'empty dwellings; vacant dwellings; unoccupied dwellings',
  'stats.ind.average_household_size.name': 'Average household size',
  'stats.ind.average_household_size.def':
    "People in households divided by the number of census households (POBHOG / TOTHOG). Computed from the totals because the subset's PROM_OCUP is truncated.",
  'stats.ind.average_household_size.synonyms': 'household size; people per household',
  'stats.ind.population_in_households.name': 'Population in households',
  'stats.ind.population_in_households.def': 'People who belong to a census household (POBHOG).',
  'stats.ind.female_headed_households.name': 'Female-headed households',
  'stats.ind.female_headed_households.def': 'Census households whose reference person is a woman (HOGJEF_F).',
  'stats.ind.population_in_female_headed_households.name': 'Population in female-headed households',
  'stats.ind.population_in_female_headed_households.def':
    'People in households whose reference person is a woman (PHOGJEF_F).',
  'stats.ind.pct_population_in_female_headed_households.name': 'Population in female-headed households, %',
  'stats.ind.pct_population_in_female_headed_households.def':
    'People in female-headed households per 100 people in households.',
  'stats.ind.population_lived_other_state_2015.name': 'Population that lived in another state in 2015',
  'stats.ind.population_lived_other_state_2015.def':
    'People aged 5 or over who lived in another state in March 2015 (PRESOE15). Not offered as a percentage: the subset lacks the population aged 5 and over.',
  'stats.ind.population_born_other_state.name': 'Population born in another state',
  'stats.ind.population_born_other_state.def': 'People born in another state (PNACOE).',
  'stats.ind.population_born_other_state.synonyms': 'migrants; born in another state',
  'stats.ind.women_born_other_state.name': 'Women born in another state',
  'stats.ind.women_born_other_state.def': 'Women born in another state (PNACOE_F).',
  'stats.ind.population_imss.name': 'Population affiliated to IMSS',
  'stats.ind.population_imss.def': 'People affiliated to the Mexican Social Security Institute (PDER_IMSS).',
  'stats.ind.population_imss.synonyms': 'IMSS; social security',
  'stats.ind.population_seguro_popular_insabi.name': 'Population affiliated to Seguro Popular or INSABI',
  'stats.ind.population_seguro_popular_insabi.def':
    'People affiliated to Seguro Popular, Seguro Médico para una Nueva Generación or the Instituto de Salud para el Bienestar (PDER_SEGP).',
  'stats.ind.pct_seguro_popular_insabi.name': 'Population affiliated to Seguro Popular or INSABI, %',
  'stats.ind.pct_seguro_popular_insabi.def':
    'People affiliated to Seguro Popular or INSABI per 100 inhabitants.',
  'stats.ind.population_private_insurance.name': 'Population with private health insurance',
  'stats.ind.population_private_insurance.def':
    'People affiliated to a private health institution (PAFIL_IPRIV).',
  'stats.ind.pct_private_insurance.name': 'Population with private health insurance, %',
  'stats.ind.pct_private_insurance.def':
    'People affiliated to a private health institution per 100 inhabitants.',
  'stats.ind.catholic_population.name': 'Population: Catholic',
  'stats.ind.catholic_population.def': 'People who reported: Catholic (PCATOLICA).',
  'stats.ind.catholic_population.synonyms': 'catholics',
  'stats.ind.protestant_evangelical_population.name':
    'Population: Protestant, Evangelical Christian or Biblical other than Evangelical',
  'stats.ind.protestant_evangelical_population.def':
    'People who reported: Protestant, Evangelical Christian or Biblical other than Evangelical (PRO_CRIEVA).',
  'stats.ind.protestant_evangelical_population.synonyms': 'protestants; evangelicals',
  'stats.ind.pct_protestant_evangelical.name':
    'Population Protestant, Evangelical Christian or Biblical other than Evangelical, %',
  'stats.ind.pct_protestant_evangelical.def': 'People (PRO_CRIEVA) per 100 inhabitants.',
  'stats.ind.other_religions_population.name': 'Population: of other religions',
  'stats.ind.other_religions_population.def': 'People who reported: of other religions (POTRAS_REL).',
  'stats.ind.pct_other_religions.name': 'Population of other religions, %',
  'stats.ind.pct_other_religions.def': 'People (POTRAS_REL) per 100 inhabitants.',
  'stats.ind.no_religion_population.name': 'Population: with no religion or religious affiliation',
  'stats.ind.no_religion_population.def':
    'People who reported: with no religion or religious affiliation (PSIN_RELIG).',
  'stats.ind.no_religion_population.synonyms': 'no religion; atheists',
  'stats.ind.pct_no_religion.name': 'Population with no religion or religious affiliation, %',
  'stats.ind.pct_no_religion.def': 'People (PSIN_RELIG) per 100 inhabitants.',
  'stats.ind.employed_women.name': 'Employed women',
  'stats.ind.employed_women.def':
    'Women aged 12 or over who worked or had a job in the reference week (POCUPADA_F).',
  'stats.ind.employed_men.name': 'Employed men',
  'stats.ind.employed_men.def':
    'Men aged 12 or over who worked or had a job in the reference week (POCUPADA_M).',
  'stats.ind.economically_active_population.name': 'Economically active population',
  'stats.ind.economically_active_population.def':
    'People aged 12 or over who are employed or unemployed (POCUPADA + PDESOCUP).',
  'stats.ind.economically_active_population.synonyms': 'labour force; labor force; economically active',
  'stats.ind.economic_participation_rate.name': 'Economic participation rate',
  'stats.ind.economic_participation_rate.def':
    'Economically active population per 100 people aged 12 or over with a stated activity status (active plus inactive).',
  'stats.ind.economic_participation_rate.synonyms': 'participation rate; labour force participation',
  'stats.ind.population_15plus.name': 'Population aged 15 and over',
  'stats.ind.population_15plus.def':
    'Total population less those aged 0 to 14 (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14); includes people whose age was not stated.',
  'stats.ind.pct_15_64.name': 'Population aged 15 to 64, %',
  'stats.ind.pct_15_64.def': 'People aged 15 to 64 per 100 inhabitants.',
  'stats.ind.pct_dwellings_no_toilet_drainage.name': 'Occupants of dwellings without drainage or toilet, %',
  'stats.ind.pct_dwellings_no_toilet_drainage.def':
    'Occupants of private dwellings without drainage or toilet, per 100 occupants (CONAPO indicator OVSDE).',
  'stats.ind.pct_dwellings_no_electricity.name': 'Occupants of dwellings without electricity, %',
  'stats.ind.pct_dwellings_no_electricity.def':
    'Occupants of private dwellings without electricity, per 100 occupants (CONAPO indicator OVSEE).',
  'stats.ind.pct_dwellings_no_piped_water.name': 'Occupants of dwellings without piped water, %',
  'stats.ind.pct_dwellings_no_piped_water.def':
    'Occupants of private dwellings without piped water, per 100 occupants (CONAPO indicator OVSAE).',
  'stats.ind.pct_dwellings_dirt_floor.name': 'Occupants of dwellings with a dirt floor, %',
  'stats.ind.pct_dwellings_dirt_floor.def':
    'Occupants of private dwellings with a dirt floor, per 100 occupants (CONAPO indicator OVPT).',
  'stats.ind.pct_dwellings_dirt_floor.synonyms': 'dirt floor',
  'stats.ind.pct_dwellings_overcrowded.name': 'Overcrowded dwellings, %',
  'stats.ind.pct_dwellings_overcrowded.def':
    'Private dwellings with some level of overcrowding, per 100 dwellings (CONAPO indicator VHAC).',
  'stats.ind.pct_dwellings_overcrowded.synonyms': 'overcrowding',
  'stats.ind.pct_population_small_localities.name': 'Population in localities under 5,000 inhabitants, %',
  'stats.ind.pct_population_small_localities.def':
    'Population in localities with fewer than 5,000 inhabitants, per 100 inhabitants (CONAPO indicator PL.5000).',
  'stats.ind.population_projection_female.name': 'Projected population, women (CONAPO, municipalities)',
  'stats.ind.population_projection_female.def':
    "Mid-year population of women in CONAPO's municipal projections 2015–2030 (2019 edition).",
  'stats.ind.population_projection_state_female.name': 'Projected state population, women (CONAPO 2023)',
  'stats.ind.population_projection_state_female.def':
    "Mid-year population of women of the state in CONAPO's Demographic reconciliation and projections 2020–2070 (2023).",
  'stats.ind.life_expectancy_female.name': 'Life expectancy at birth, women',
  'stats.ind.life_expectancy_female.def':
    'Years a newborn (women) would live on average if the mortality of the year persisted (CONAPO estimate and projection, state level).',
  'stats.ind.life_expectancy_female.synonyms': 'life expectancy of women; female life expectancy',
  'stats.ind.population_projection_male.name': 'Projected population, men (CONAPO, municipalities)',
  'stats.ind.population_projection_male.def':
    "Mid-year population of men in CONAPO's municipal projections 2015–2030 (2019 edition).",
  'stats.ind.population_projection_state_male.name': 'Projected state population, men (CONAPO 2023)',
  'stats.ind.population_projection_state_male.def':
    "Mid-year population of men of the state in CONAPO's Demographic reconciliation and projections 2020–2070 (2023).",
  'stats.ind.life_expectancy_male.name': 'Life expectancy at birth, men',
  'stats.ind.life_expectancy_male.def':
    'Years a newborn (men) would live on average if the mortality of the year persisted (CONAPO estimate and projection, state level).',
  'stats.ind.life_expectancy_male.synonyms': 'life expectancy of men; male life expectancy',
  'stats.ind.births.name': 'Births',
  'stats.ind.births.def': 'Estimated births in the year (NAC). CONAPO estimate and projection, state level.',
  'stats.ind.births.synonyms': 'births',
  'stats.ind.deaths.name': 'Deaths',
  'stats.ind.deaths.def': 'Estimated deaths in the year (DEF). CONAPO estimate and projection, state level.',
  'stats.ind.deaths.synonyms': 'deaths',
  'stats.ind.crude_birth_rate.name': 'Crude birth rate',
  'stats.ind.crude_birth_rate.def':
    'Births per 1,000 mid-year inhabitants (T_BRU_NAT). CONAPO estimate and projection, state level.',
  'stats.ind.crude_birth_rate.synonyms': 'birth rate',
  'stats.ind.crude_death_rate.name': 'Crude death rate',
  'stats.ind.crude_death_rate.def':
    'Deaths per 1,000 mid-year inhabitants (T_BRU_MOR). CONAPO estimate and projection, state level.',
  'stats.ind.crude_death_rate.synonyms': 'death rate; mortality',
  'stats.ind.adolescent_fertility_rate.name': 'Adolescent fertility rate',
  'stats.ind.adolescent_fertility_rate.def':
    'Births to mothers aged 15 to 19 per 1,000 women of that age (TEF_ADO). CONAPO estimate and projection, state level.',
  'stats.ind.adolescent_fertility_rate.synonyms': 'teenage pregnancy; adolescent fertility',
  'stats.ind.dependency_ratio.name': 'Dependency ratio',
  'stats.ind.dependency_ratio.def':
    'People aged 0 to 14 and 65 or over per 100 aged 15 to 64 (RAZ_DEP). CONAPO estimate and projection, state level.',
  'stats.ind.dependency_ratio.synonyms': 'dependency',
  'stats.ind.dependency_ratio_child.name': 'Child dependency ratio',
  'stats.ind.dependency_ratio_child.def':
    'People aged 0 to 14 per 100 aged 15 to 64 (RAZ_DEP_INF). CONAPO estimate and projection, state level.',
  'stats.ind.dependency_ratio_old_age.name': 'Old-age dependency ratio',
  'stats.ind.dependency_ratio_old_age.def':
    'People aged 65 or over per 100 aged 15 to 64 (RAZ_DEP_ADU). CONAPO estimate and projection, state level.',
  'stats.ind.ageing_index.name': 'Ageing index',
  'stats.ind.ageing_index.def':
    'People aged 65 or over per 100 aged 0 to 14 (IND_ENV). CONAPO estimate and projection, state level.',
  'stats.ind.ageing_index.synonyms': 'ageing; aging',
  'stats.ind.median_age.name': 'Median age',
  'stats.ind.median_age.def':
    'The age that splits the population into two halves of equal size (EDAD_MED). CONAPO estimate and projection, state level.',
  'stats.ind.median_age.synonyms': 'median age; average age',
  'stats.ind.net_interstate_migration.name': 'Net interstate migration',
  'stats.ind.net_interstate_migration.def':
    'Immigrants from other states less emigrants to other states in the year (MIG_NET_EST). CONAPO estimate and projection, state level.',
  'stats.ind.net_international_migration.name': 'Net international migration',
  'stats.ind.net_international_migration.def':
    'Immigrants from abroad less emigrants abroad in the year (MIG_NET_INT). CONAPO estimate and projection, state level.',
  'stats.ind.natural_growth_rate.name': 'Natural growth rate',
  'stats.ind.natural_growth_rate.def':
    'Births less deaths per 100 mid-year inhabitants (T_CRE_NAT). CONAPO estimate and projection, state level.',
  'stats.ind.total_growth_rate.name': 'Total growth rate',
  'stats.ind.total_growth_rate.def':
    'Natural growth plus net migration per 100 mid-year inhabitants (T_CRE_TOT). CONAPO estimate and projection, state level.',
  'stats.ind.area_km2.name': 'Area',
  'stats.ind.area_km2.def':
    "Area in square kilometres on the WGS84 ellipsoid, from the municipal boundaries of INEGI's Marco Geoestadístico 2025 (simplified version, whose state area, 22,351 km², matches the one INEGI publishes); for a region, zone or set, the sum of its municipalities.",
  'stats.ind.area_km2.synonyms': 'area; surface; square kilometres',
  'stats.ind.population_density.name': 'Population density',
  'stats.ind.population_density.def':
    'Inhabitants per square kilometre: the 2020 Census total population divided by the area from the Marco Geoestadístico 2025 (INEGI). For a region, zone or set, the total population over the total area (not an average of densities).',
  'stats.ind.population_density.synonyms': 'density; population density; inhabitants per square kilometre',
  'stats.ind.interstate_immigration.name': 'Immigrants from other states',
  'stats.ind.interstate_immigration.def':
    'People who came to live in the state from another Mexican state in the year (INM_EST). CONAPO estimate and projection, state level.',
  'stats.ind.interstate_immigration.synonyms': 'interstate immigration; immigrants',
  'stats.ind.interstate_emigration.name': 'Emigrants to other states',
  'stats.ind.interstate_emigration.def':
    'People who left the state to live in another Mexican state in the year (EMI_EST). CONAPO estimate and projection, state level.',
  'stats.ind.interstate_emigration.synonyms': 'interstate emigration; emigrants',
  'stats.ind.international_immigration.name': 'Immigrants from other countries',
  'stats.ind.international_immigration.def':
    'People who came to live in the state from another country in the year (INM_INT). CONAPO estimate and projection, state level.',
  'stats.ind.international_immigration.synonyms': 'international immigration',
  'stats.ind.international_emigration.name': 'Emigrants to other countries',
  'stats.ind.international_emigration.def':
    'People who left the state to live in another country in the year (EMI_INT). CONAPO estimate and projection, state level.',
  'stats.ind.international_emigration.synonyms': 'international emigration',
  'stats.ind.net_migration.name': 'Total net migration',
  'stats.ind.net_migration.def':
    'Net interstate plus net international migration in the year (CRE_SOC, social growth). CONAPO estimate and projection, state level.',
  'stats.ind.net_migration.synonyms': 'migration balance; net migration; social growth',
  'stats.ind.natural_increase.name': 'Natural increase',
  'stats.ind.natural_increase.def':
    'Births less deaths in the year (CRE_NAT). CONAPO estimate and projection, state level.',
  'stats.ind.natural_increase.synonyms': 'natural increase; births minus deaths',
  'stats.ind.total_increase.name': 'Total population increase',
  'stats.ind.total_increase.def':
    'Natural increase plus total net migration in the year (CRE_TOT). CONAPO estimate and projection, state level.',
  'stats.ind.total_increase.synonyms': 'total increase; population increase',
  'stats.ind.interstate_immigration_rate.name': 'Interstate immigration rate',
  'stats.ind.interstate_immigration_rate.def':
    'Immigrants from other states per 100 mid-year inhabitants (T_INM_EST). CONAPO estimate and projection, state level.',
  'stats.ind.interstate_emigration_rate.name': 'Interstate emigration rate',
  'stats.ind.interstate_emigration_rate.def':
    'Emigrants to other states per 100 mid-year inhabitants (T_EMI_EST). CONAPO estimate and projection, state level.',
  'stats.ind.net_interstate_migration_rate.name': 'Net interstate migration rate',
  'stats.ind.net_interstate_migration_rate.def':
    'Net interstate migration per 100 mid-year inhabitants (T_MIG_NET_EST). CONAPO estimate and projection, state level.',
  'stats.ind.net_international_migration_rate.name': 'Net international migration rate',
  'stats.ind.net_international_migration_rate.def':
    'Net international migration per 100 mid-year inhabitants (T_MIG_NET_INT). CONAPO estimate and projection, state level.',
  'stats.ind.net_migration_rate.name': 'Total net migration rate',
  'stats.ind.net_migration_rate.def':
    'Total net migration (interstate plus international) per 100 mid-year inhabitants (T_CRE_SOC, social growth rate). CONAPO estimate and projection, state level.',
  'stats.ind.net_migration_rate.synonyms': 'social growth rate',
  'stats.ind.ageb_population.name': 'Population by urban AGEB (table)',
  'stats.ind.ageb_population.def':
    "A table with one row per urban AGEB of the place's municipalities: each AGEB's total population (POB_TOTAL) as in CONAPO's 2020 Urban Marginalization Index, based on the 2020 Census. Only the urban AGEBs CONAPO indexed.",
  'stats.ind.ageb_population.synonyms': 'population by ageb; urban agebs',
  'stats.ind.ageb_marginalization_index.name': 'Urban marginalization index by AGEB (table)',
  'stats.ind.ageb_marginalization_index.def':
    "A table with one row per urban AGEB of the place's municipalities: CONAPO's 2020 urban marginalization index of each AGEB (IM_2020), summarising 11 shortfalls in education, health, housing and assets. Higher means less marginalization; comparable only among urban AGEBs of the same edition.",
  'stats.ind.ageb_marginalization_index.synonyms': 'marginalization by ageb; urban marginalization index',
  'stats.ind.ageb_marginalization_grade.name': 'Urban marginalization grade by AGEB (table)',
  'stats.ind.ageb_marginalization_grade.def':
    "A table with one row per urban AGEB of the place's municipalities: CONAPO's 2020 urban marginalization grade of each AGEB (GM_2020: very low, low, medium, high or very high).",
  'stats.ind.ageb_marginalization_grade.synonyms':
    'marginalization grade by ageb; urban marginalization grade',
  'stats.geo.ageb_name': 'AGEB {ageb}, {locality} ({municipality})',
  'stats.note.ageb_table':
    "One row per urban AGEB of CONAPO's 2020 Urban Marginalization Index: {count} AGEBs of {municipalities}. Only the urban AGEBs CONAPO indexed; rural localities have no urban AGEB.",
  'stats.error.ageb_table_only':
    "“{indicator}” is a table with one row per urban AGEB, not a single figure for {place}. Ask for it as a table (POST /api/v1/values) or in your request's data files (Excel or CSV).",
  'stats.error.ageb_table_state':
    '“{indicator}” is given by municipality, region or metropolitan zone, not for the whole state ({count} urban AGEBs). Choose the region, zone or municipalities you are interested in.',
  'stats.error.ageb_table_polygon':
    '“{indicator}” cannot be given for a drawn area: the AGEB boundaries are not available, so which AGEBs fall inside is unknown. Choose the municipality or municipalities that contain it.',
};
