/** Statistics: names and definitions of the wider indicator catalog (issue 18), Spanish (reference). */
export const statsCatalog = {
  'stats.ind.dwellings_electricity.name': 'Viviendas con electricidad',
  'stats.ind.dwellings_electricity.def':
    'Viviendas particulares habitadas que disponen de energía eléctrica (VPH_C_ELEC).',
  'stats.ind.dwellings_electricity.synonyms': 'viviendas con luz; casas con luz',
  'stats.ind.dwellings_piped_water.name': 'Viviendas con agua entubada',
  'stats.ind.dwellings_piped_water.def':
    'Viviendas particulares habitadas que tienen agua entubada dentro de la vivienda o fuera de la vivienda pero dentro del terreno (VPH_AGUADV).',
  'stats.ind.dwellings_piped_water.synonyms': 'viviendas con agua; casas con agua',
  'stats.ind.dwellings_drainage.name': 'Viviendas con drenaje',
  'stats.ind.dwellings_drainage.def':
    'Viviendas particulares habitadas que disponen de drenaje (VPH_DRENAJ).',
  'stats.ind.dwellings_internet.name': 'Viviendas con internet',
  'stats.ind.dwellings_internet.def':
    'Viviendas particulares habitadas que disponen de internet (VPH_INTER).',
  'stats.ind.dwellings_internet.synonyms': 'casas con internet; hogares con internet; viviendas con internet',
  'stats.ind.dwellings_one_bedroom.name': 'Viviendas con un solo dormitorio',
  'stats.ind.dwellings_one_bedroom.def':
    'Viviendas particulares habitadas que tienen un solo dormitorio (VPH_1DOR).',
  'stats.ind.dwellings_toilet.name': 'Viviendas con excusado o sanitario',
  'stats.ind.dwellings_toilet.def':
    'Viviendas particulares habitadas que disponen de excusado o sanitario (VPH_EXCSA).',
  'stats.ind.pct_dwellings_toilet.name': 'Porcentaje de viviendas con excusado o sanitario',
  'stats.ind.pct_dwellings_toilet.def':
    'Viviendas particulares habitadas que disponen de excusado o sanitario (VPH_EXCSA), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_water_tank.name': 'Viviendas con tinaco',
  'stats.ind.dwellings_water_tank.def':
    'Viviendas particulares habitadas que disponen de tinaco (VPH_TINACO).',
  'stats.ind.pct_dwellings_water_tank.name': 'Porcentaje de viviendas con tinaco',
  'stats.ind.pct_dwellings_water_tank.def':
    'Viviendas particulares habitadas que disponen de tinaco (VPH_TINACO), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_cistern.name': 'Viviendas con cisterna o aljibe',
  'stats.ind.dwellings_cistern.def':
    'Viviendas particulares habitadas que disponen de cisterna o aljibe (VPH_CISTER).',
  'stats.ind.pct_dwellings_cistern.name': 'Porcentaje de viviendas con cisterna o aljibe',
  'stats.ind.pct_dwellings_cistern.def':
    'Viviendas particulares habitadas que disponen de cisterna o aljibe (VPH_CISTER), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_refrigerator.name': 'Viviendas con refrigerador',
  'stats.ind.dwellings_refrigerator.def':
    'Viviendas particulares habitadas que disponen de refrigerador (VPH_REFRI).',
  'stats.ind.dwellings_refrigerator.synonyms': 'viviendas con refri',
  'stats.ind.pct_dwellings_refrigerator.name': 'Porcentaje de viviendas con refrigerador',
  'stats.ind.pct_dwellings_refrigerator.def':
    'Viviendas particulares habitadas que disponen de refrigerador (VPH_REFRI), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_washing_machine.name': 'Viviendas con lavadora',
  'stats.ind.dwellings_washing_machine.def':
    'Viviendas particulares habitadas que disponen de lavadora (VPH_LAVAD).',
  'stats.ind.pct_dwellings_washing_machine.name': 'Porcentaje de viviendas con lavadora',
  'stats.ind.pct_dwellings_washing_machine.def':
    'Viviendas particulares habitadas que disponen de lavadora (VPH_LAVAD), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_computer.name': 'Viviendas con computadora, laptop o tablet',
  'stats.ind.dwellings_computer.def':
    'Viviendas particulares habitadas que disponen de computadora, laptop o tablet (VPH_PC).',
  'stats.ind.dwellings_computer.synonyms': 'viviendas con computadora; casas con computadora',
  'stats.ind.pct_dwellings_computer.name': 'Porcentaje de viviendas con computadora, laptop o tablet',
  'stats.ind.pct_dwellings_computer.def':
    'Viviendas particulares habitadas que disponen de computadora, laptop o tablet (VPH_PC), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_mobile_phone.name': 'Viviendas con teléfono celular',
  'stats.ind.dwellings_mobile_phone.def':
    'Viviendas particulares habitadas que disponen de teléfono celular (VPH_CEL).',
  'stats.ind.dwellings_mobile_phone.synonyms': 'viviendas con celular; casas con celular',
  'stats.ind.pct_dwellings_mobile_phone.name': 'Porcentaje de viviendas con teléfono celular',
  'stats.ind.pct_dwellings_mobile_phone.def':
    'Viviendas particulares habitadas que disponen de teléfono celular (VPH_CEL), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_television.name': 'Viviendas con televisor',
  'stats.ind.dwellings_television.def':
    'Viviendas particulares habitadas que disponen de televisor (VPH_TV).',
  'stats.ind.dwellings_television.synonyms': 'viviendas con tele; viviendas con televisión',
  'stats.ind.pct_dwellings_television.name': 'Porcentaje de viviendas con televisor',
  'stats.ind.pct_dwellings_television.def':
    'Viviendas particulares habitadas que disponen de televisor (VPH_TV), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_bicycle.name': 'Viviendas con bicicleta',
  'stats.ind.dwellings_bicycle.def':
    'Viviendas particulares habitadas que disponen de bicicleta como medio de transporte (VPH_BICI).',
  'stats.ind.dwellings_bicycle.synonyms': 'viviendas con bici',
  'stats.ind.pct_dwellings_bicycle.name': 'Porcentaje de viviendas con bicicleta',
  'stats.ind.pct_dwellings_bicycle.def':
    'Viviendas particulares habitadas que disponen de bicicleta como medio de transporte (VPH_BICI), por cada 100 viviendas habitadas.',
  'stats.ind.dwellings_streaming.name': 'Viviendas con servicio de streaming de paga',
  'stats.ind.dwellings_streaming.def':
    'Viviendas particulares habitadas que disponen de servicio de películas, música o videos de paga por internet (VPH_SPMVPI).',
  'stats.ind.dwellings_streaming.synonyms': 'viviendas con Netflix; streaming',
  'stats.ind.pct_dwellings_streaming.name': 'Porcentaje de viviendas con servicio de streaming de paga',
  'stats.ind.pct_dwellings_streaming.def':
    'Viviendas particulares habitadas que disponen de servicio de películas, música o videos de paga por internet (VPH_SPMVPI), por cada 100 viviendas habitadas.',
  'stats.ind.total_dwellings.name': 'Total de viviendas',
  'stats.ind.total_dwellings.def':
    'Viviendas particulares (habitadas, deshabitadas y de uso temporal) y colectivas (VIVTOT).',
  'stats.ind.total_dwellings.synonyms': 'total de viviendas; viviendas totales',
  'stats.ind.pct_dwellings_not_occupied.name': 'Porcentaje de viviendas no habitadas',
  'stats.ind.pct_dwellings_not_occupied.def':
    'Viviendas deshabitadas o de uso temporal por cada 100 viviendas: (VIVTOT − total de viviendas habitadas del AGEEML, Censo 2020) / VIVTOT.',
  'stats.ind.pct_dwellings_not_occupied.synonyms':
    'viviendas deshabitadas; viviendas vacías; casas abandonadas; porcentaje de viviendas deshabitadas',
  'stats.ind.average_household_size.name': 'Tamaño promedio del hogar',
  'stats.ind.average_household_size.def':
    'Personas en hogares entre el número de hogares censales (POBHOG / TOTHOG). Se calcula con los totales porque el PROM_OCUP del subconjunto está truncado.',
  'stats.ind.average_household_size.synonyms': 'tamaño del hogar; personas por hogar; promedio de ocupantes',
  'stats.ind.population_in_households.name': 'Población en hogares',
  'stats.ind.population_in_households.def': 'Personas que forman parte de un hogar censal (POBHOG).',
  'stats.ind.female_headed_households.name': 'Hogares con jefatura femenina',
  'stats.ind.female_headed_households.def':
    'Hogares censales cuya persona de referencia es mujer (HOGJEF_F).',
  'stats.ind.population_in_female_headed_households.name': 'Población en hogares con jefatura femenina',
  'stats.ind.population_in_female_headed_households.def':
    'Personas en hogares cuya persona de referencia es mujer (PHOGJEF_F).',
  'stats.ind.pct_population_in_female_headed_households.name':
    'Porcentaje de la población en hogares con jefatura femenina',
  'stats.ind.pct_population_in_female_headed_households.def':
    'Personas en hogares con jefatura femenina por cada 100 personas en hogares.',
  'stats.ind.population_lived_other_state_2015.name': 'Población que en 2015 residía en otra entidad',
  'stats.ind.population_lived_other_state_2015.def':
    'Personas de 5 años o más que en marzo de 2015 residían en otra entidad federativa (PRESOE15). No se ofrece como porcentaje: el subconjunto no trae la población de 5 años y más.',
  'stats.ind.population_born_other_state.name': 'Población nacida en otra entidad',
  'stats.ind.population_born_other_state.def': 'Personas nacidas en otra entidad federativa (PNACOE).',
  'stats.ind.population_born_other_state.synonyms':
    'migrantes; nacidos en otro estado; nacidas en otro estado; nacidos en otra entidad; nacidas en otra entidad; de otro estado; inmigrantes',
  'stats.ind.women_born_other_state.name': 'Mujeres nacidas en otra entidad',
  'stats.ind.women_born_other_state.def': 'Mujeres nacidas en otra entidad federativa (PNACOE_F).',
  'stats.ind.population_imss.name': 'Población afiliada al IMSS',
  'stats.ind.population_imss.def': 'Personas afiliadas al Instituto Mexicano del Seguro Social (PDER_IMSS).',
  'stats.ind.population_imss.synonyms': 'IMSS; afiliados al IMSS; derechohabientes del IMSS; seguro social',
  'stats.ind.population_seguro_popular_insabi.name': 'Población afiliada al Seguro Popular o INSABI',
  'stats.ind.population_seguro_popular_insabi.def':
    'Personas afiliadas al Seguro Popular, al Seguro Médico para una Nueva Generación o al Instituto de Salud para el Bienestar (PDER_SEGP).',
  'stats.ind.pct_seguro_popular_insabi.name': 'Porcentaje de población afiliada al Seguro Popular o INSABI',
  'stats.ind.pct_seguro_popular_insabi.def':
    'Personas afiliadas al Seguro Popular o al INSABI por cada 100 habitantes.',
  'stats.ind.population_private_insurance.name': 'Población afiliada a una institución privada',
  'stats.ind.population_private_insurance.def':
    'Personas afiliadas a una institución privada de servicios de salud (PAFIL_IPRIV).',
  'stats.ind.pct_private_insurance.name': 'Porcentaje de población afiliada a una institución privada',
  'stats.ind.pct_private_insurance.def':
    'Personas afiliadas a una institución privada de salud por cada 100 habitantes.',
  'stats.ind.catholic_population.name': 'Población católica',
  'stats.ind.catholic_population.def': 'Personas que declararon religión católica (PCATOLICA).',
  'stats.ind.catholic_population.synonyms': 'católicos',
  'stats.ind.protestant_evangelical_population.name': 'Población protestante',
  'stats.ind.protestant_evangelical_population.def':
    'Personas que declararon religión protestante, cristiana evangélica o bíblica diferente de evangélica (PRO_CRIEVA).',
  'stats.ind.protestant_evangelical_population.synonyms': 'protestantes; evangélicos; cristianos',
  'stats.ind.pct_protestant_evangelical.name': 'Porcentaje de población protestante',
  'stats.ind.pct_protestant_evangelical.def': 'Personas (PRO_CRIEVA) por cada 100 habitantes.',
  'stats.ind.other_religions_population.name': 'Población de otras religiones',
  'stats.ind.other_religions_population.def': 'Personas de otras religiones (POTRAS_REL).',
  'stats.ind.pct_other_religions.name': 'Porcentaje de población de otras religiones',
  'stats.ind.pct_other_religions.def': 'Personas (POTRAS_REL) por cada 100 habitantes.',
  'stats.ind.no_religion_population.name': 'Población sin religión o sin adscripción religiosa',
  'stats.ind.no_religion_population.def': 'Personas sin religión o sin adscripción religiosa (PSIN_RELIG).',
  'stats.ind.no_religion_population.synonyms': 'sin religión; ateos',
  'stats.ind.pct_no_religion.name': 'Porcentaje de población sin religión o sin adscripción religiosa',
  'stats.ind.pct_no_religion.def': 'Personas (PSIN_RELIG) por cada 100 habitantes.',
  'stats.ind.employed_women.name': 'Mujeres ocupadas',
  'stats.ind.employed_women.def':
    'Mujeres de 12 años o más que trabajaron o tenían trabajo en la semana de referencia (POCUPADA_F).',
  'stats.ind.employed_men.name': 'Hombres ocupados',
  'stats.ind.employed_men.def':
    'Hombres de 12 años o más que trabajaron o tenían trabajo en la semana de referencia (POCUPADA_M).',
  'stats.ind.economically_active_population.name': 'Población económicamente activa',
  'stats.ind.economically_active_population.def':
    'Personas de 12 años o más ocupadas o desocupadas (POCUPADA + PDESOCUP).',
  'stats.ind.economically_active_population.synonyms': 'PEA; población económicamente activa',
  'stats.ind.economic_participation_rate.name': 'Tasa de participación económica',
  'stats.ind.economic_participation_rate.def':
    'Población económicamente activa por cada 100 personas de 12 años o más con condición de actividad declarada (activas más no activas).',
  'stats.ind.economic_participation_rate.synonyms': 'participación económica; tasa de participación',
  'stats.ind.population_15plus.name': 'Población de 15 años y más',
  'stats.ind.population_15plus.def':
    'Población total menos la de 0 a 14 años (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14); incluye a quienes no declararon edad.',
  'stats.ind.pct_15_64.name': 'Porcentaje de población de 15 a 64 años',
  'stats.ind.pct_15_64.def': 'Personas de 15 a 64 años por cada 100 habitantes.',
  'stats.ind.pct_dwellings_no_toilet_drainage.name':
    'Porcentaje de ocupantes en viviendas sin drenaje ni excusado',
  'stats.ind.pct_dwellings_no_toilet_drainage.def':
    'Ocupantes en viviendas particulares sin drenaje ni excusado, por cada 100 ocupantes (indicador OVSDE de CONAPO).',
  'stats.ind.pct_dwellings_no_electricity.name': 'Porcentaje de ocupantes en viviendas sin energía eléctrica',
  'stats.ind.pct_dwellings_no_electricity.def':
    'Ocupantes en viviendas particulares sin energía eléctrica, por cada 100 ocupantes (indicador OVSEE de CONAPO).',
  'stats.ind.pct_dwellings_no_piped_water.name': 'Porcentaje de ocupantes en viviendas sin agua entubada',
  'stats.ind.pct_dwellings_no_piped_water.def':
    'Ocupantes en viviendas particulares sin agua entubada, por cada 100 ocupantes (indicador OVSAE de CONAPO).',
  'stats.ind.pct_dwellings_dirt_floor.name': 'Porcentaje de ocupantes en viviendas con piso de tierra',
  'stats.ind.pct_dwellings_dirt_floor.def':
    'Ocupantes en viviendas particulares con piso de tierra, por cada 100 ocupantes (indicador OVPT de CONAPO).',
  'stats.ind.pct_dwellings_dirt_floor.synonyms': 'piso de tierra',
  'stats.ind.pct_dwellings_overcrowded.name': 'Porcentaje de viviendas con hacinamiento',
  'stats.ind.pct_dwellings_overcrowded.def':
    'Viviendas particulares con algún nivel de hacinamiento, por cada 100 viviendas (indicador VHAC de CONAPO).',
  'stats.ind.pct_dwellings_overcrowded.synonyms': 'hacinamiento',
  'stats.ind.pct_population_small_localities.name':
    'Porcentaje de población en localidades de menos de 5,000 habitantes',
  'stats.ind.pct_population_small_localities.def':
    'Población en localidades con menos de 5,000 habitantes, por cada 100 habitantes (indicador PL.5000 de CONAPO).',
  'stats.ind.population_projection_female.name': 'Población proyectada de mujeres (CONAPO, municipios)',
  'stats.ind.population_projection_female.def':
    'Población de mujeres a mitad de año según las Proyecciones de la población de los municipios 2015–2030 de CONAPO (edición 2019).',
  'stats.ind.population_projection_state_female.name':
    'Población proyectada de mujeres del estado (CONAPO 2023)',
  'stats.ind.population_projection_state_female.def':
    'Población de mujeres del estado a mitad de año según la Conciliación demográfica y Proyecciones 2020–2070 de CONAPO (2023).',
  'stats.ind.life_expectancy_female.name': 'Esperanza de vida al nacimiento de mujeres',
  'stats.ind.life_expectancy_female.def':
    'Años que en promedio viviría una persona recién nacida (mujeres) si se mantuvieran las condiciones de mortalidad del año (estimación y proyección de CONAPO, nivel estatal).',
  'stats.ind.life_expectancy_female.synonyms': 'esperanza de vida de las mujeres',
  'stats.ind.population_projection_male.name': 'Población proyectada de hombres (CONAPO, municipios)',
  'stats.ind.population_projection_male.def':
    'Población de hombres a mitad de año según las Proyecciones de la población de los municipios 2015–2030 de CONAPO (edición 2019).',
  'stats.ind.population_projection_state_male.name':
    'Población proyectada de hombres del estado (CONAPO 2023)',
  'stats.ind.population_projection_state_male.def':
    'Población de hombres del estado a mitad de año según la Conciliación demográfica y Proyecciones 2020–2070 de CONAPO (2023).',
  'stats.ind.life_expectancy_male.name': 'Esperanza de vida al nacimiento de hombres',
  'stats.ind.life_expectancy_male.def':
    'Años que en promedio viviría una persona recién nacida (hombres) si se mantuvieran las condiciones de mortalidad del año (estimación y proyección de CONAPO, nivel estatal).',
  'stats.ind.life_expectancy_male.synonyms': 'esperanza de vida de los hombres',
  'stats.ind.births.name': 'Nacimientos',
  'stats.ind.births.def':
    'Nacimientos estimados en el año (NAC). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.births.synonyms': 'nacimientos; nacidos vivos; cuántos nacen',
  'stats.ind.deaths.name': 'Defunciones',
  'stats.ind.deaths.def':
    'Defunciones estimadas en el año (DEF). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.deaths.synonyms': 'defunciones; muertes; fallecimientos; cuántos mueren',
  'stats.ind.crude_birth_rate.name': 'Tasa bruta de natalidad',
  'stats.ind.crude_birth_rate.def':
    'Nacimientos por cada 1,000 habitantes a mitad de año (T_BRU_NAT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.crude_birth_rate.synonyms': 'natalidad; tasa de natalidad',
  'stats.ind.crude_death_rate.name': 'Tasa bruta de mortalidad',
  'stats.ind.crude_death_rate.def':
    'Defunciones por cada 1,000 habitantes a mitad de año (T_BRU_MOR). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.crude_death_rate.synonyms': 'mortalidad; tasa de mortalidad',
  'stats.ind.adolescent_fertility_rate.name': 'Tasa de fecundidad adolescente',
  'stats.ind.adolescent_fertility_rate.def':
    'Nacimientos de madres de 15 a 19 años por cada 1,000 mujeres de esa edad (TEF_ADO). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.adolescent_fertility_rate.synonyms': 'embarazo adolescente; fecundidad adolescente',
  'stats.ind.dependency_ratio.name': 'Razón de dependencia',
  'stats.ind.dependency_ratio.def':
    'Personas de 0 a 14 y de 65 años o más por cada 100 de 15 a 64 años (RAZ_DEP). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.dependency_ratio.synonyms': 'dependencia',
  'stats.ind.dependency_ratio_child.name': 'Razón de dependencia infantil',
  'stats.ind.dependency_ratio_child.def':
    'Personas de 0 a 14 años por cada 100 de 15 a 64 años (RAZ_DEP_INF). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.dependency_ratio_old_age.name': 'Razón de dependencia de la vejez',
  'stats.ind.dependency_ratio_old_age.def':
    'Personas de 65 años o más por cada 100 de 15 a 64 años (RAZ_DEP_ADU). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.ageing_index.name': 'Índice de envejecimiento',
  'stats.ind.ageing_index.def':
    'Personas de 65 años o más por cada 100 de 0 a 14 años (IND_ENV). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.ageing_index.synonyms': 'envejecimiento',
  'stats.ind.median_age.name': 'Edad mediana',
  'stats.ind.median_age.def':
    'Edad que divide a la población en dos mitades de igual tamaño (EDAD_MED). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.median_age.synonyms': 'edad mediana; edad promedio',
  'stats.ind.net_interstate_migration.name': 'Migración interestatal neta',
  'stats.ind.net_interstate_migration.def':
    'Inmigrantes de otras entidades menos emigrantes a otras entidades en el año (MIG_NET_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_international_migration.name': 'Migración internacional neta',
  'stats.ind.net_international_migration.def':
    'Inmigrantes de otros países menos emigrantes a otros países en el año (MIG_NET_INT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.natural_growth_rate.name': 'Tasa de crecimiento natural',
  'stats.ind.natural_growth_rate.def':
    'Nacimientos menos defunciones por cada 100 habitantes a mitad de año (T_CRE_NAT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.total_growth_rate.name': 'Tasa de crecimiento total',
  'stats.ind.total_growth_rate.def':
    'Crecimiento natural más migración neta por cada 100 habitantes a mitad de año (T_CRE_TOT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.area_km2.name': 'Superficie',
  'stats.ind.area_km2.def':
    'Superficie en kilómetros cuadrados, calculada sobre el elipsoide WGS84 a partir de los límites municipales del Marco Geoestadístico 2025 de INEGI (versión simplificada, cuya superficie estatal, 22,351 km², coincide con la que publica INEGI); de una región, zona o conjunto, la suma de sus municipios.',
  'stats.ind.area_km2.synonyms': 'superficie; extensión territorial; área; kilómetros cuadrados',
  'stats.ind.population_density.name': 'Densidad de población',
  'stats.ind.population_density.def':
    'Habitantes por kilómetro cuadrado: población total del Censo 2020 dividida entre la superficie del Marco Geoestadístico 2025 (INEGI). De una región, zona o conjunto, la población total entre la superficie total (no un promedio de densidades).',
  'stats.ind.population_density.synonyms':
    'densidad; densidad de población; habitantes por kilómetro cuadrado; hab/km2',
  'stats.ind.interstate_immigration.name': 'Inmigrantes de otras entidades',
  'stats.ind.interstate_immigration.def':
    'Personas que llegaron a vivir a la entidad desde otra entidad del país en el año (INM_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.interstate_immigration.synonyms': 'inmigración interestatal; inmigrantes',
  'stats.ind.interstate_emigration.name': 'Emigrantes a otras entidades',
  'stats.ind.interstate_emigration.def':
    'Personas que dejaron la entidad para vivir en otra entidad del país en el año (EMI_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.interstate_emigration.synonyms': 'emigración interestatal; emigrantes',
  'stats.ind.international_immigration.name': 'Inmigrantes de otros países',
  'stats.ind.international_immigration.def':
    'Personas que llegaron a vivir a la entidad desde otro país en el año (INM_INT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.international_immigration.synonyms': 'inmigración internacional',
  'stats.ind.international_emigration.name': 'Emigrantes a otros países',
  'stats.ind.international_emigration.def':
    'Personas que dejaron la entidad para vivir en otro país en el año (EMI_INT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.international_emigration.synonyms': 'emigración internacional',
  'stats.ind.net_migration.name': 'Migración neta total',
  'stats.ind.net_migration.def':
    'Migración interestatal neta más migración internacional neta en el año (CRE_SOC, crecimiento social). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_migration.synonyms': 'saldo migratorio; migración neta; crecimiento social',
  'stats.ind.natural_increase.name': 'Crecimiento natural',
  'stats.ind.natural_increase.def':
    'Nacimientos menos defunciones en el año (CRE_NAT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.natural_increase.synonyms': 'crecimiento natural; nacimientos menos defunciones',
  'stats.ind.total_increase.name': 'Crecimiento total de la población',
  'stats.ind.total_increase.def':
    'Crecimiento natural más migración neta total en el año (CRE_TOT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.total_increase.synonyms': 'crecimiento total; aumento de población',
  'stats.ind.interstate_immigration_rate.name': 'Tasa de inmigración interestatal',
  'stats.ind.interstate_immigration_rate.def':
    'Inmigrantes de otras entidades por cada 100 habitantes a mitad de año (T_INM_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.interstate_emigration_rate.name': 'Tasa de emigración interestatal',
  'stats.ind.interstate_emigration_rate.def':
    'Emigrantes a otras entidades por cada 100 habitantes a mitad de año (T_EMI_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_interstate_migration_rate.name': 'Tasa de migración interestatal neta',
  'stats.ind.net_interstate_migration_rate.def':
    'Migración interestatal neta por cada 100 habitantes a mitad de año (T_MIG_NET_EST). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_international_migration_rate.name': 'Tasa de migración internacional neta',
  'stats.ind.net_international_migration_rate.def':
    'Migración internacional neta por cada 100 habitantes a mitad de año (T_MIG_NET_INT). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_migration_rate.name': 'Tasa de migración neta total',
  'stats.ind.net_migration_rate.def':
    'Migración neta total (interestatal más internacional) por cada 100 habitantes a mitad de año (T_CRE_SOC, tasa de crecimiento social). Estimación y proyección de CONAPO, nivel estatal.',
  'stats.ind.net_migration_rate.synonyms': 'tasa de crecimiento social',
  'stats.ind.ageb_population.name': 'Población por AGEB urbana (tabla)',
  'stats.ind.ageb_population.def':
    'Tabla con una fila por AGEB urbana de los municipios del lugar: población total de cada AGEB (POB_TOTAL) según el Índice de Marginación Urbana 2020 de CONAPO, con base en el Censo 2020. Solo incluye las AGEB urbanas que CONAPO indexó.',
  'stats.ind.ageb_population.synonyms': 'población por ageb; ageb urbanas',
  'stats.ind.ageb_marginalization_index.name': 'Índice de marginación urbana por AGEB (tabla)',
  'stats.ind.ageb_marginalization_index.def':
    'Tabla con una fila por AGEB urbana de los municipios del lugar: índice de marginación urbana 2020 de CONAPO de cada AGEB (IM_2020), que resume 11 carencias de educación, salud, vivienda y bienes. Mientras más alto, menos marginación; solo es comparable entre AGEB urbanas de la misma edición.',
  'stats.ind.ageb_marginalization_index.synonyms':
    'marginación por ageb; índice de marginación urbana; marginación urbana',
  'stats.ind.ageb_marginalization_grade.name': 'Grado de marginación urbana por AGEB (tabla)',
  'stats.ind.ageb_marginalization_grade.def':
    'Tabla con una fila por AGEB urbana de los municipios del lugar: grado de marginación urbana 2020 de CONAPO de cada AGEB (GM_2020: muy bajo, bajo, medio, alto o muy alto).',
  'stats.ind.ageb_marginalization_grade.synonyms':
    'grado de marginación por ageb; grado de marginación urbana',
  'stats.geo.ageb_name': 'AGEB {ageb}, {locality} ({municipality})',
  'stats.note.ageb_table':
    'Una fila por AGEB urbana del Índice de Marginación Urbana 2020 de CONAPO: {count} AGEB de {municipalities}. Solo están las AGEB urbanas que CONAPO indexó; las localidades rurales no tienen AGEB urbana.',
  'stats.error.ageb_table_only':
    '«{indicator}» es una tabla con una fila por AGEB urbana, no una sola cifra de {place}. Pídela como tabla (POST /api/v1/values) o en los archivos de datos de tu solicitud (Excel o CSV).',
  'stats.error.ageb_table_state':
    '«{indicator}» se entrega por municipio, región o zona metropolitana, no para todo el estado ({count} AGEB urbanas). Elige la región, la zona o los municipios que te interesan.',
  'stats.error.ageb_table_polygon':
    '«{indicator}» no se puede dar para un área dibujada: no contamos con los límites de las AGEB, así que no sabemos cuáles quedan dentro. Elige el municipio o los municipios que la contienen.',
} as const;
