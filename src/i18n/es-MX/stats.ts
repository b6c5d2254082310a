/** Statistics engine: indicator names and definitions, topics, units, notes and errors. */
export const stats = {
  // Topics
  'stats.topic.population': 'Población',
  'stats.topic.age': 'Edad',
  'stats.topic.ethnicity': 'Etnicidad',
  'stats.topic.marginalization': 'Marginación',
  'stats.topic.housing': 'Vivienda',
  'stats.topic.health': 'Salud y discapacidad',
  'stats.topic.education': 'Educación',
  'stats.topic.economy': 'Actividad económica',
  'stats.topic.social': 'Hogares, migración y religión',
  'stats.topic.demography': 'Dinámica demográfica (CONAPO)',
  // Units
  'stats.unit.people': 'personas',
  'stats.unit.dwellings': 'viviendas',
  'stats.unit.households': 'hogares',
  'stats.unit.agebs': 'AGEB',
  'stats.unit.percent': '%',
  'stats.unit.per_100': 'hombres por cada 100 mujeres',
  'stats.unit.index': 'índice',
  'stats.unit.grade': 'grado',
  'stats.unit.years': 'años',
  'stats.unit.children_per_woman': 'hijos por mujer',
  'stats.unit.per_1000': 'por cada 1,000 nacidos vivos',
  'stats.unit.people_per_household': 'personas por hogar',
  'stats.unit.per_100_people': 'por cada 100 personas',
  'stats.unit.per_1000_people': 'por cada 1,000 habitantes',
  'stats.unit.per_1000_women': 'por cada 1,000 mujeres',
  'stats.unit.km2': 'km²',
  'stats.unit.people_per_km2': 'habitantes por km²',
  // Levels
  'stats.level.state': 'estado',
  'stats.level.mun': 'municipio',
  'stats.level.region': 'región',
  'stats.level.zm': 'zona metropolitana',
  'stats.level.set': 'conjunto de municipios',
  'stats.level.polygon': 'polígono',
  'stats.aggregation.sum': 'Suma de los municipios',
  'stats.aggregation.ratio': 'Cociente de sumas (numerador y denominador sumados)',
  'stats.aggregation.not_aggregable': 'No agregable (solo por municipio)',
  // Indicators
  'stats.ind.population_total.name': 'Población total',
  'stats.ind.population_total.def':
    'Personas que residen habitualmente en el lugar. Censos 1990, 2000, 2010 y 2020; Conteos 1995 y 2005; Encuesta Intercensal 2015 (estimación).',
  'stats.ind.population_total.synonyms':
    'habitantes; población; cuántos habitantes; gente; personas; cuánta gente; número de habitantes; población total',
  'stats.ind.population_female.name': 'Población femenina',
  'stats.ind.population_female.def': 'Mujeres que residen habitualmente en el lugar.',
  'stats.ind.population_female.synonyms': 'mujeres; número de mujeres; población de mujeres',
  'stats.ind.population_male.name': 'Población masculina',
  'stats.ind.population_male.def': 'Hombres que residen habitualmente en el lugar.',
  'stats.ind.population_male.synonyms': 'hombres; número de hombres; población de hombres; varones',
  'stats.ind.pct_female.name': 'Porcentaje de mujeres',
  'stats.ind.pct_female.def': 'Mujeres por cada 100 habitantes.',
  'stats.ind.pct_female.synonyms': 'porcentaje de mujeres; proporción de mujeres',
  'stats.ind.sex_ratio.name': 'Relación hombres-mujeres',
  'stats.ind.sex_ratio.def': 'Hombres por cada 100 mujeres.',
  'stats.ind.sex_ratio.synonyms':
    'índice de masculinidad; relación de masculinidad; hombres por cada 100 mujeres',
  'stats.ind.population_change.name': 'Cambio porcentual de la población entre censos',
  'stats.ind.population_change.def':
    'Variación de la población total respecto del censo anterior (diez años antes), en porcentaje: (P año − P año−10) / P año−10 × 100.',
  'stats.ind.population_change.synonyms':
    'crecimiento porcentual; cambio porcentual de la población; variación de la población',
  'stats.ind.population_change_absolute.name': 'Cambio absoluto de la población entre censos',
  'stats.ind.population_change_absolute.def':
    'Diferencia entre la población total del censo y la del censo anterior (diez años antes).',
  'stats.ind.population_change_absolute.synonyms':
    'cuánto creció la población; aumento de población; cambio de población',
  'stats.ind.population_growth_rate_annual.name': 'Tasa de crecimiento media anual de la población',
  'stats.ind.population_growth_rate_annual.def':
    'Crecimiento promedio por año entre el censo anterior y el del año, en porcentaje, calculado entre las fechas de referencia exactas de ambos levantamientos (no diez años redondos): ((P₁ / P₀)^(1/t) − 1) × 100, con t en años entre esas fechas. Es la medida que publica COESPO.',
  'stats.ind.population_growth_rate_annual.synonyms':
    'tasa de crecimiento; crecimiento anual; tasa de crecimiento poblacional; crecimiento de la población',
  'stats.ind.population_projection.name': 'Población proyectada (CONAPO, municipios)',
  'stats.ind.population_projection.def':
    'Población a mitad de año según las Proyecciones de la población de los municipios 2015–2030 de CONAPO (edición 2019).',
  'stats.ind.population_projection.synonyms':
    'población proyectada; proyección de población; proyecciones; población futura; población',
  'stats.ind.population_projection_state.name': 'Población proyectada del estado (CONAPO 2023)',
  'stats.ind.population_projection_state.def':
    'Población a mitad de año del estado según la Conciliación demográfica y Proyecciones 2020–2070 de CONAPO (2023).',
  'stats.ind.population_projection_state.synonyms':
    'población proyectada; proyección de población; proyecciones; población futura; población',
  'stats.ind.households.name': 'Hogares censales',
  'stats.ind.households.def': 'Total de hogares en viviendas particulares habitadas.',
  'stats.ind.households.synonyms': 'hogares; número de hogares; familias',
  'stats.ind.pct_female_headed_households.name': 'Porcentaje de hogares con jefatura femenina',
  'stats.ind.pct_female_headed_households.def':
    'Hogares cuya persona de referencia es mujer, por cada 100 hogares.',
  'stats.ind.pct_female_headed_households.synonyms':
    'porcentaje de hogares con jefa; porcentaje de hogares encabezados por mujeres',
  'stats.ind.population_0_2.name': 'Población de 0 a 2 años',
  'stats.ind.population_0_2.def': 'Personas de 0 a 2 años de edad.',
  'stats.ind.population_0_2.synonyms': 'bebés; niños de 0 a 2 años',
  'stats.ind.population_3_5.name': 'Población de 3 a 5 años',
  'stats.ind.population_3_5.def': 'Personas de 3 a 5 años de edad.',
  'stats.ind.population_6_11.name': 'Población de 6 a 11 años',
  'stats.ind.population_6_11.def': 'Personas de 6 a 11 años de edad.',
  'stats.ind.population_12_14.name': 'Población de 12 a 14 años',
  'stats.ind.population_12_14.def': 'Personas de 12 a 14 años de edad.',
  'stats.ind.population_15_17.name': 'Población de 15 a 17 años',
  'stats.ind.population_15_17.def': 'Personas de 15 a 17 años de edad.',
  'stats.ind.population_15_64.name': 'Población de 15 a 64 años',
  'stats.ind.population_15_64.def': 'Personas de 15 a 64 años de edad (población en edad de trabajar).',
  'stats.ind.population_60_plus.name': 'Población de 60 años y más',
  'stats.ind.population_60_plus.def': 'Personas de 60 años o más.',
  'stats.ind.population_60_plus.synonyms':
    'adultos mayores; personas mayores; tercera edad; mayores de 60; de 60 y más',
  'stats.ind.pct_0_14.name': 'Porcentaje de población de 0 a 14 años',
  'stats.ind.pct_0_14.def': 'Personas de 0 a 14 años por cada 100 habitantes.',
  'stats.ind.pct_0_14.synonyms': 'porcentaje de niños; porcentaje de menores de 15',
  'stats.ind.pct_60_plus.name': 'Porcentaje de población de 60 años y más',
  'stats.ind.pct_60_plus.def': 'Personas de 60 años o más por cada 100 habitantes.',
  'stats.ind.pct_60_plus.synonyms':
    'porcentaje de adultos mayores; porcentaje de personas mayores; porcentaje de mayores de 60',
  'stats.ind.population_pyramid_2015.name': 'Pirámide de población 2015 (edad y sexo)',
  'stats.ind.population_pyramid_2015.def':
    'Población por grupo quinquenal de edad y sexo según la Encuesta Intercensal 2015 (estimación). El total no incluye la edad no especificada.',
  'stats.ind.population_pyramid_2015.synonyms':
    'pirámide de población; pirámide poblacional; pirámide de edades; edad y sexo',
  'stats.ind.indigenous_language_speakers_3plus.name': 'Hablantes de lengua indígena de 3 años y más',
  'stats.ind.indigenous_language_speakers_3plus.def':
    'Personas de 3 años o más que hablan alguna lengua indígena.',
  'stats.ind.indigenous_language_speakers_3plus.synonyms':
    'hablantes de lengua indígena; hablan lengua indígena; indígenas; población indígena; hablantes de náhuatl; hablantes de mazahua; hablantes de otomí',
  'stats.ind.pct_indigenous_language_3plus.name': 'Porcentaje de hablantes de lengua indígena',
  'stats.ind.pct_indigenous_language_3plus.def':
    'Hablantes de lengua indígena por cada 100 personas de 3 años y más.',
  'stats.ind.pct_indigenous_language_3plus.synonyms':
    'porcentaje de indígenas; porcentaje de población indígena; porcentaje que habla lengua indígena',
  'stats.ind.afromexican_population.name': 'Población afromexicana o afrodescendiente',
  'stats.ind.afromexican_population.def':
    'Personas que se consideran afromexicanas, negras o afrodescendientes por su cultura, historia y costumbres.',
  'stats.ind.afromexican_population.synonyms':
    'afromexicanos; afrodescendientes; población afro; población negra',
  'stats.ind.pct_afromexican.name': 'Porcentaje de población afromexicana',
  'stats.ind.pct_afromexican.def': 'Población afromexicana o afrodescendiente por cada 100 habitantes.',
  'stats.ind.pct_afromexican.synonyms': 'porcentaje de afromexicanos; porcentaje de afrodescendientes',
  'stats.ind.marginalization_index.name': 'Índice de marginación',
  'stats.ind.marginalization_index.def':
    'Índice compuesto de CONAPO que resume carencias en educación, vivienda, distribución de la población e ingresos; no se suma ni se promedia. Clave conservada por compatibilidad: para un municipio da el índice municipal (IMM) y para el estado el estatal (IME 2020), que son escalas distintas; usa «Índice de marginación municipal» o «Índice de marginación estatal».',
  'stats.ind.marginalization_index.synonyms': 'índice de marginación; marginación',
  'stats.ind.marginalization_index_municipal.name': 'Índice de marginación municipal (IMM)',
  'stats.ind.marginalization_index_municipal.def':
    'Índice de Marginación por Municipio de CONAPO (ediciones 2010, 2015 y 2020). Compara municipios dentro de una misma edición; cada edición tiene su propia escala, así que el valor no se compara entre ediciones (el grado sí). No se suma ni se promedia.',
  'stats.ind.marginalization_index_municipal.synonyms': 'IMM; índice de marginación municipal',
  'stats.ind.marginalization_index_state.name': 'Índice de marginación estatal (IME)',
  'stats.ind.marginalization_index_state.def':
    'Índice de Marginación por Entidad Federativa 2020 de CONAPO: compara el estado con los otros 31; su escala es distinta de la del índice municipal, así que no se compara con él.',
  'stats.ind.marginalization_index_state.synonyms': 'IME; índice de marginación estatal',
  'stats.ind.marginalization_grade.name': 'Grado de marginación',
  'stats.ind.marginalization_grade.def':
    'Estrato del índice de marginación de CONAPO: Muy bajo, Bajo, Medio, Alto o Muy alto.',
  'stats.ind.marginalization_grade.synonyms':
    'grado de marginación; nivel de marginación; qué tan marginado; es marginado',
  'stats.ind.marginalization_index_normalized.name': 'Índice de marginación normalizado',
  'stats.ind.marginalization_index_normalized.def': 'Índice de marginación de CONAPO reescalado entre 0 y 1.',
  'stats.ind.pct_illiterate_15plus.name': 'Porcentaje de población analfabeta de 15 años y más',
  'stats.ind.pct_illiterate_15plus.def':
    'Personas de 15 años o más que no saben leer ni escribir, por cada 100 de esa edad (indicador ANALF de CONAPO).',
  'stats.ind.pct_illiterate_15plus.synonyms':
    'analfabetismo; tasa de analfabetismo; porcentaje de analfabetas',
  'stats.ind.pct_no_basic_education_15plus.name':
    'Porcentaje de población de 15 años y más sin educación básica',
  'stats.ind.pct_no_basic_education_15plus.def':
    'Personas de 15 años o más sin educación básica completa, por cada 100 de esa edad (indicador SBASC de CONAPO).',
  'stats.ind.pct_no_basic_education_15plus.synonyms':
    'rezago educativo; sin educación básica; sin primaria; sin secundaria',
  'stats.ind.pct_low_income_workers.name': 'Porcentaje de población ocupada con ingresos bajos',
  'stats.ind.pct_low_income_workers.def':
    'Población ocupada con ingresos de hasta dos salarios mínimos, por cada 100 ocupados (indicador PO2SM de CONAPO).',
  'stats.ind.pct_low_income_workers.synonyms':
    'ingresos bajos; ganan hasta dos salarios mínimos; salarios bajos',
  'stats.ind.urban_population_indexed_agebs.name': 'Población en AGEB urbanas con índice de marginación',
  'stats.ind.urban_population_indexed_agebs.def':
    'Población de las AGEB urbanas que CONAPO incluye en el Índice de Marginación Urbana 2020.',
  'stats.ind.pct_urban_population_high_marginalization.name':
    'Porcentaje de la población urbana en AGEB de marginación alta o muy alta',
  'stats.ind.pct_urban_population_high_marginalization.def':
    'Población de AGEB urbanas con grado de marginación urbana Alto o Muy alto, por cada 100 habitantes de las AGEB urbanas indexadas.',
  'stats.ind.occupied_dwellings.name': 'Viviendas habitadas',
  'stats.ind.occupied_dwellings.def': 'Total de viviendas habitadas en el Censo 2020.',
  'stats.ind.occupied_dwellings.synonyms':
    'viviendas; casas; número de viviendas; viviendas particulares habitadas',
  'stats.ind.pct_dwellings_electricity.name': 'Porcentaje de viviendas con electricidad',
  'stats.ind.pct_dwellings_electricity.def':
    'Viviendas particulares habitadas que disponen de energía eléctrica, por cada 100 viviendas habitadas.',
  'stats.ind.pct_dwellings_electricity.synonyms': 'porcentaje de viviendas con luz',
  'stats.ind.pct_dwellings_piped_water.name': 'Porcentaje de viviendas con agua entubada',
  'stats.ind.pct_dwellings_piped_water.def':
    'Viviendas particulares habitadas con agua entubada dentro de la vivienda o fuera de la vivienda pero dentro del terreno (VPH_AGUADV), por cada 100 viviendas habitadas.',
  'stats.ind.pct_dwellings_piped_water.synonyms': 'porcentaje de viviendas con agua',
  'stats.ind.pct_dwellings_drainage.name': 'Porcentaje de viviendas con drenaje',
  'stats.ind.pct_dwellings_drainage.def':
    'Viviendas particulares habitadas que disponen de drenaje, por cada 100 viviendas habitadas.',
  'stats.ind.pct_dwellings_internet.name': 'Porcentaje de viviendas con internet',
  'stats.ind.pct_dwellings_internet.def':
    'Viviendas particulares habitadas que disponen de internet, por cada 100 viviendas habitadas.',
  'stats.ind.pct_dwellings_internet.synonyms': 'porcentaje con internet; porcentaje de hogares con internet',
  'stats.ind.pct_dwellings_one_bedroom.name': 'Porcentaje de viviendas con un solo dormitorio',
  'stats.ind.pct_dwellings_one_bedroom.def':
    'Viviendas particulares habitadas con un solo dormitorio, por cada 100 viviendas habitadas.',
  'stats.ind.population_without_health_coverage.name': 'Población sin afiliación a servicios de salud',
  'stats.ind.population_without_health_coverage.def':
    'Personas que no están afiliadas a ninguna institución pública o privada de servicios de salud.',
  'stats.ind.population_without_health_coverage.synonyms':
    'sin seguro médico; sin servicios de salud; sin afiliación; sin derechohabiencia; sin seguridad social',
  'stats.ind.pct_without_health_coverage.name': 'Porcentaje de población sin afiliación a servicios de salud',
  'stats.ind.pct_without_health_coverage.def':
    'Personas sin afiliación a servicios de salud por cada 100 habitantes.',
  'stats.ind.pct_without_health_coverage.synonyms':
    'porcentaje sin seguro médico; porcentaje sin servicios de salud; porcentaje sin derechohabiencia',
  'stats.ind.pct_imss.name': 'Porcentaje de población afiliada al IMSS',
  'stats.ind.pct_imss.def':
    'Personas afiliadas al Instituto Mexicano del Seguro Social por cada 100 habitantes.',
  'stats.ind.pct_imss.synonyms': 'porcentaje con IMSS; porcentaje derechohabiente del IMSS',
  'stats.ind.population_with_disability.name': 'Población con discapacidad',
  'stats.ind.population_with_disability.def':
    'Personas que tienen mucha dificultad o no pueden realizar alguna actividad cotidiana.',
  'stats.ind.population_with_disability.synonyms': 'discapacidad; personas con discapacidad; discapacitados',
  'stats.ind.pct_with_disability.name': 'Porcentaje de población con discapacidad',
  'stats.ind.pct_with_disability.def': 'Personas con discapacidad por cada 100 habitantes.',
  'stats.ind.pct_with_disability.synonyms':
    'porcentaje de personas con discapacidad; porcentaje con discapacidad',
  'stats.ind.illiterate_population_15plus.name': 'Población analfabeta de 15 años y más',
  'stats.ind.illiterate_population_15plus.def':
    'Personas de 15 años o más que no saben leer ni escribir un recado.',
  'stats.ind.illiterate_population_15plus.synonyms':
    'analfabetas; no saben leer ni escribir; población analfabeta',
  'stats.ind.pct_illiterate_15plus_census.name':
    'Porcentaje de población analfabeta de 15 años y más (calculado del Censo 2020)',
  'stats.ind.pct_illiterate_15plus_census.def':
    'Personas de 15 años o más que no saben leer ni escribir un recado (P15YM_AN), por cada 100 personas de 15 años o más; el denominador es la población total menos la de 0 a 14 años (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14), por lo que incluye a quienes no declararon edad. Se suma por lugar, así que existe para regiones, zonas y polígonos; difiere del ANALF de CONAPO en menos de 0.04 puntos por municipio.',
  'stats.ind.employed_population.name': 'Población ocupada',
  'stats.ind.employed_population.def':
    'Personas de 12 años o más que trabajaron o tenían trabajo en la semana de referencia.',
  'stats.ind.employed_population.synonyms':
    'ocupados; personas ocupadas; trabajadores; gente que trabaja; empleados',
  'stats.ind.unemployed_population.name': 'Población desocupada',
  'stats.ind.unemployed_population.def':
    'Personas de 12 años o más que no tenían trabajo y lo buscaron en la semana de referencia.',
  'stats.ind.unemployed_population.synonyms': 'desocupados; desempleados; personas sin trabajo',
  'stats.ind.economically_inactive_population.name': 'Población no económicamente activa',
  'stats.ind.economically_inactive_population.def':
    'Personas de 12 años o más que no trabajaron ni buscaron trabajo (estudiantes, personas dedicadas al hogar, jubiladas, etc.).',
  'stats.ind.economically_inactive_population.synonyms': 'PNEA; inactivos',
  'stats.ind.unemployment_rate.name': 'Tasa de desocupación',
  'stats.ind.unemployment_rate.def': 'Población desocupada por cada 100 personas económicamente activas.',
  'stats.ind.unemployment_rate.synonyms': 'desempleo; tasa de desempleo; tasa de desocupación',
  'stats.ind.pct_employed_women.name': 'Porcentaje de mujeres en la población ocupada',
  'stats.ind.pct_employed_women.def': 'Mujeres ocupadas por cada 100 personas ocupadas.',
  'stats.ind.pct_born_other_state.name': 'Porcentaje de población nacida en otra entidad',
  'stats.ind.pct_born_other_state.def':
    'Personas nacidas en otra entidad federativa por cada 100 habitantes.',
  'stats.ind.pct_born_other_state.synonyms': 'porcentaje de migrantes; porcentaje nacidos en otro estado',
  'stats.ind.pct_catholic.name': 'Porcentaje de población católica',
  'stats.ind.pct_catholic.def': 'Personas que declararon religión católica por cada 100 habitantes.',
  'stats.ind.pct_catholic.synonyms': 'porcentaje de católicos',
  'stats.ind.life_expectancy.name': 'Esperanza de vida al nacimiento',
  'stats.ind.life_expectancy.def':
    'Años que en promedio viviría una persona recién nacida si se mantuvieran las condiciones de mortalidad del año (estimación y proyección de CONAPO, nivel estatal).',
  'stats.ind.life_expectancy.synonyms': 'esperanza de vida; cuántos años viven',
  'stats.ind.total_fertility_rate.name': 'Tasa global de fecundidad',
  'stats.ind.total_fertility_rate.def':
    'Hijos que en promedio tendría una mujer durante su vida reproductiva (estimación y proyección de CONAPO, nivel estatal).',
  'stats.ind.total_fertility_rate.synonyms': 'fecundidad; hijos por mujer; tasa de fecundidad',
  'stats.ind.infant_mortality_rate.name': 'Tasa de mortalidad infantil',
  'stats.ind.infant_mortality_rate.def':
    'Defunciones de menores de un año por cada 1,000 nacidos vivos (estimación y proyección de CONAPO, nivel estatal).',
  'stats.ind.infant_mortality_rate.synonyms': 'mortalidad infantil',
  // Geography
  'stats.geo.set_name': 'Conjunto de {municipalities}: {names}',
  'stats.count.municipalities.one': '{count} municipio',
  'stats.count.municipalities.other': '{count} municipios',
  'stats.geo.polygon_name': 'el área dibujada',
  // Notes attached to values
  'stats.note.polygon_method':
    'Las cifras del área dibujada se calcularon por proporción de área: se intersecó el polígono con los límites municipales (Marco Geoestadístico, simplificados) y cada municipio pesa por la fracción de su superficie cubierta: {detail}. Supone población distribuida uniformemente en cada municipio.',
  'stats.note.polygon_agebs':
    'Los municipios tocados contienen {agebs} AGEB urbanas del Índice de Marginación Urbana 2020; como aquí no hay geometría de AGEB, se asignan por su municipio con la misma proporción de área.',
  'stats.note.polygon_agebs_localities':
    'Indicadores por AGEB urbana: se usaron las {agebs} AGEB urbanas de las localidades cuyo punto (ITER 2020) cae dentro del polígono, sin ponderar.',
  'stats.note.expanded':
    '{indicator} no se puede agregar: se presenta el valor de cada municipio en lugar de un total.',
  'stats.note.years_skipped': '{indicator} no está disponible para {skipped}; años disponibles: {years}.',
  'stats.note.alternative_variable':
    'No se dispone de la variable «{preferredLabel}»: el denominador es «{usedLabel}» (véanse las fuentes), por lo que la cifra puede diferir ligeramente de la que publica la fuente.',
  'stats.note.not_loaded': 'Aún no se han cargado los datos de «{dataset}».',
  'stats.note.growth_dates':
    'Tasa geométrica entre las fechas de referencia de los dos levantamientos: {from} y {to} ({years} años).',
  'stats.note.imm_editions':
    'Cada edición del índice de marginación (2010, 2015, 2020) tiene su propia escala y el índice estatal (IME) es distinto del municipal (IMM): no compares valores del índice entre ediciones ni entre estado y municipios; el grado de marginación es el comparable.',
  'stats.note.census_2015_municipality':
    'Municipio censado por la Encuesta Intercensal 2015: la cifra es un conteo completo, sin error de muestreo.',
  'stats.note.cv_high':
    'Coeficiente de variación de la estimación: {cv} % (precisión alta según el criterio del INEGI: menos de 15 %).',
  'stats.note.cv_moderate':
    'Coeficiente de variación de la estimación: {cv} %: precisión moderada (de 15 % a menos de 30 %); úsala con precaución.',
  'stats.note.cv_low':
    'Coeficiente de variación de la estimación: {cv} %: precisión baja (30 % o más); úsala con reserva.',
  'stats.note.cv_cells':
    'Cada celda edad-sexo trae su coeficiente de variación: {moderate} de {cells} tienen 15 % o más (precisión moderada o baja) y {low} tienen 30 % o más (precisión baja).',
  'stats.note.region_scheme':
    'Región de la {scheme} del Gobierno del Estado de México ({count} regiones, Plan de Desarrollo 2017–2023); en 2024 se adoptó otra regionalización, de 19 regiones.',
  'stats.note.zone_delimitation':
    'Zona según la {scheme} (SEDATU-CONAPO-INEGI); solo se cuentan sus municipios del Estado de México.',
  'stats.note.state_published': 'Cifra estatal publicada por la fuente.',
  'stats.note.no_state_figure': 'La fuente no publica esta cifra para el estado en este año.',
  'stats.note.state_not_loaded':
    'CONAPO publica esta cifra para el estado en su Índice de Marginación por Entidad {year}, que no está cargado: cifra no cargada (no es que no exista).',
  'stats.note.single_member': '{place} tiene un solo municipio, {name}: la cifra es la de ese municipio.',
  'stats.note.sum_method': 'Suma de los valores de {municipalities}.',
  'stats.note.ratio_method':
    'Calculado sumando primero los numeradores y los denominadores de {municipalities} (no es un promedio de porcentajes).',
  'stats.note.partial':
    'Agregado parcial: excluye {municipalities} sin dato ({suppressed} por confidencialidad): {names}.',
  'stats.note.partial_termwise':
    'Cada año se sumó sobre los municipios con cifra en ese año; sin cifra en alguno de los años comparados (por ejemplo, porque aún no existían y su territorio estaba en otros municipios): {names} ({municipalities}).',
  'stats.note.not_created_members':
    'Municipios que aún no existían en alguno de los años (su territorio está incluido en otros municipios): {names} ({municipalities}).',
  'stats.note.not_created':
    'El municipio aún no existía en ese año (o en el año con que se compara); su territorio estaba incluido en otros municipios.',
  'stats.note.suppressed': 'Dato reservado por confidencialidad (INEGI).',
  'stats.note.not_available': 'Dato no disponible en la fuente.',
  'stats.note.survey_2015': 'Cifra de 2015: estimación de la Encuesta Intercensal, no un conteo.',
  'stats.note.projection_edition':
    'Proyección de la edición 2019, basada en datos de 2015; para 2020 sobreestima la población censada.',
  'stats.note.iter_subset':
    'Las cifras del Censo 2020 por municipio se leyeron de una reproducción, publicada por terceros, de los totales municipales de los Principales resultados por localidad del INEGI, no del archivo del INEGI; la población total del estado coincide con la que publica el INEGI.',
  // Errors
  'error.not_found.indicator': 'No existe un indicador con esa clave. Consulta el catálogo en /datos.',
  'error.not_found.geo':
    'No existe esa área geográfica. Usa state:15, mun:15MMM, region:N, zm:CC.NN o set:15MMM,15MMM (consulta /api/v1/geographies).',
  'stats.error.geo_malformed':
    'El área geográfica no es válida: usa state:15, mun:15033, region:6, zm:15.02, set:15033,15058 o un polígono GeoJSON (WGS84).',
  'stats.error.year_unavailable': '{indicator} no está disponible para {year}. Años disponibles: {years}.',
  'stats.error.not_aggregable':
    '{indicator} es un índice compuesto: no se puede sumar ni promediar para {place}. Puedes consultar el valor de cada uno de sus {municipalities}: {list}.',
  'stats.error.not_aggregable_published':
    '{indicator} es un porcentaje que la fuente publica ya calculado por municipio, sin su numerador ni su denominador: no se puede sumar ni promediar para {place}. Puedes consultar el valor de cada uno de sus {municipalities}: {list}.',
  'stats.error.territory_changed':
    '{indicator} compara {from} con {year}, pero {created} se creó en ese lapso con territorio de {parents} (tiene cifra propia desde {first}): para {place} un año contaría ese territorio y el otro no. Compara sobre un territorio constante, con el municipio de origen y el nuevo juntos: {suggestion}.',
  'stats.error.level_unavailable': '{indicator} solo está disponible para: {levels}.',
  'stats.error.no_boundaries':
    'No se pueden consultar polígonos: aún no se han cargado los límites municipales.',
  'stats.error.polygon_outside': 'El polígono no toca ningún municipio del estado.',
  'stats.error.query_invalid': 'La consulta no es válida.',
  // API
  'stats.api.description':
    'API de datos de {agency}: catálogo de indicadores, áreas geográficas y cifras oficiales (INEGI, CONAPO) con su fuente.',
  'stats.api.invalid.indicator':
    'La clave del indicador no es válida (letras minúsculas, números y guion bajo).',
  'stats.api.invalid.indicators': 'Indica entre 1 y 60 claves de indicador válidas.',
  'stats.api.invalid.geo': 'Indica un área geográfica (geo): un identificador o un polígono GeoJSON.',
  'stats.api.invalid.year': 'El año debe ser un número entero entre 1900 y 2100.',
  'stats.api.invalid.years': 'Los años deben ser una lista de números enteros entre 1900 y 2100.',
  'stats.api.invalid.level': 'El nivel debe ser state, mun, region o zm.',
  'stats.api.invalid.body': 'El cuerpo de la petición debe ser JSON válido.',
  // OpenAPI document of /api/v1 (statistics); the document is served in Spanish.
  'stats.openapi.error.400': 'Consulta mal formada',
  'stats.openapi.error.404': 'Indicador o área geográfica desconocidos',
  'stats.openapi.error.422': 'No agregable, o año / nivel no disponible',
  'stats.openapi.geo':
    'state:15, mun:15MMM, region:N, zm:CC.NN, set:15MMM,15MMM… o un polígono GeoJSON (WGS84) codificado como JSON',
  'stats.openapi.tag_name': 'estadísticas',
  'stats.openapi.tag': 'Catálogo de indicadores, áreas geográficas y cifras oficiales',
  'stats.openapi.indicators.summary': 'Catálogo de indicadores',
  'stats.openapi.indicators.response': 'Indicadores',
  'stats.openapi.topics.summary': 'Temas del catálogo',
  'stats.openapi.topics.response': 'Temas',
  'stats.openapi.geographies.summary':
    'Áreas geográficas con nombre (estado, municipios, regiones, zonas metropolitanas)',
  'stats.openapi.geographies.response': 'Áreas',
  'stats.openapi.datasets.summary':
    'Conjuntos de datos oficiales cargados (fuente, edición, SHA-256, renglones, fecha)',
  'stats.openapi.datasets.response': 'Conjuntos de datos',
  'stats.openapi.value.summary': 'Valor de un indicador para un área y un año',
  'stats.openapi.value.year': 'Por omisión, el año más reciente del indicador',
  'stats.openapi.value.response': 'El valor, con su fuente y notas',
  'stats.openapi.table.summary': 'Tabla de varios indicadores y años para un área (id o polígono GeoJSON)',
  'stats.openapi.table.response': 'Tabla de valores',
  // Public pages
  'stats.datasets.loaded_detail': '{rows} renglones, cargado el {date}.',
  'stats.page.title': 'Datos disponibles',
  'stats.page.lead':
    'Consulta los indicadores oficiales (INEGI y CONAPO) que puedes solicitar para el {state}, sus regiones, zonas metropolitanas y municipios. Las cifras de esta página son de consulta; para una respuesta oficial firmada, haz una solicitud.',
  'stats.page.query_heading': 'Consulta un valor',
  'stats.page.field.indicator': 'Indicador',
  'stats.page.field.geo': 'Área geográfica',
  'stats.page.field.year': 'Año',
  'stats.page.field.year_hint': 'Déjalo vacío para ver el año más reciente.',
  'stats.page.submit': 'Consultar',
  'stats.page.show_year': 'Mostrar año',
  'stats.page.error_heading': 'No se puede mostrar este valor',
  'stats.page.result_heading': 'Resultado',
  'stats.page.request_official': 'Solicitar una respuesta oficial firmada',
  'stats.page.catalog_heading': 'Catálogo de indicadores',
  'stats.page.catalog_lead': '{count} indicadores, agrupados por tema.',
  'stats.page.catalog_caption': 'Indicadores del tema {topic}',
  'stats.page.api_link': 'Documentación de la API de datos (OpenAPI)',
  'stats.page.back_catalog': 'Volver al catálogo de datos',
  'stats.page.values_caption': '{indicator}, {year}, por área geográfica',
  'stats.page.values_by_year': '{indicator} del {state}, por año',
  'stats.page.pyramid_caption': 'Población por grupo de edad y sexo, {place}, {year}',
  'stats.page.not_loaded': 'Los datos de este indicador aún no se han cargado.',
  'stats.page.suppressed': 'Reservado',
  'stats.page.not_available': 'No disponible',
  'stats.page.not_applicable': 'No existía',
  'stats.page.geo_state': 'Estado',
  'stats.page.geo_regions': 'Regiones (2017–2023)',
  'stats.page.geo_zones': 'Zonas metropolitanas (2015)',
  'stats.page.geo_municipalities': 'Municipios',
  'stats.page.col.indicator': 'Indicador',
  'stats.page.col.area': 'Área',
  'stats.page.col.year': 'Año',
  'stats.page.col.years': 'Años',
  'stats.page.col.value': 'Valor',
  'stats.page.col.source': 'Fuente y notas',
  'stats.page.col.notes': 'Notas',
  'stats.page.col.definition': 'Definición',
  'stats.page.col.aggregation': 'Cómo se agrega',
  'stats.page.col.key': 'Clave',
  'stats.page.col.unit': 'Unidad',
  'stats.page.col.age_group': 'Grupo de edad',
  'stats.page.col.men': 'Hombres',
  'stats.page.col.women': 'Mujeres',
  // Reasons a question cannot be answered automatically
  'stats.reason.no_indicators': 'No se pidió ningún indicador.',
  'stats.reason.unknown_indicator': 'Se pidió un indicador que no está en el catálogo.',
  'stats.reason.not_loaded': 'Los datos de un indicador pedido no están cargados.',
  'stats.reason.no_data': 'Alguna cifra pedida no está disponible o está reservada.',
  'stats.reason.unknown': 'La consulta no se puede responder automáticamente.',
  // Import
  'stats.import.error': 'Archivo {file}, renglón {row}, columna {column}: {problem}',
  'stats.import.file_error': 'Archivo {file}: {problem}',
  'stats.import.problem.missing_columns': 'faltan las columnas {columns}',
  'stats.import.problem.bad_csv': 'CSV mal formado ({detail})',
  'stats.import.problem.empty': 'el archivo está vacío',
  'stats.import.problem.no_column': 'columna inexistente',
  'stats.import.problem.not_numeric': 'valor no numérico «{value}»',
  'stats.import.problem.total_mismatch': '{parts} = {added}, pero {total} = {sum}; el total no cuadra',
  'stats.import.problem.bad_geojson': 'GeoJSON mal formado ({detail})',
  'stats.import.problem.not_feature_collection': 'se esperaba un FeatureCollection',
  'stats.import.problem.bad_geometry': 'la geometría no es un polígono GeoJSON válido (WGS84)',
  'stats.import.problem.unknown_municipality': 'clave de municipio desconocida «{value}»',
  'stats.import.problem.missing_municipalities': 'faltan {count} municipios: {codes}',
  'stats.import.problem.duplicate': 'renglón repetido para {key}',
  'stats.import.problem.other_entity': 'entidad «{value}» distinta de {entity}',
  'stats.import.problem.year_out_of_range': 'año «{value}» fuera del periodo del archivo',
  'stats.import.problem.municipality_without_code': 'municipio «{value}» sin clave NNN',
  'stats.import.problem.no_index_column': 'falta la columna IM_<año> del índice de marginación',
  'stats.import.problem.unknown_grade': 'grado de marginación desconocido «{value}»',
  'stats.import.problem.bad_entity': 'clave de entidad inválida «{value}»',
  'stats.import.problem.no_entity_row': 'no hay renglón de la entidad {entity}',
  'stats.import.problem.bad_ageb': 'clave de AGEB inválida «{value}»',
  'stats.import.problem.unknown_sex': 'sexo desconocido «{value}»',
  'stats.import.problem.bad_year': 'año inválido «{value}»',
  'stats.import.problem.unknown_age_group': 'grupo de edad desconocido «{value}»',
  'stats.import.problem.bad_coordinate': 'coordenada inválida «{value}»',
  'stats.cli.importing': 'Importando datos oficiales desde {dir}',
  'stats.cli.no_dir': 'No hay directorio de datos: indica DIR o define STATS_DATA_DIR.',
  'stats.cli.summary': '{imported} conjuntos importados, {failed} con errores.',
  'stats.cli.counts': '{rows} renglones, {facts} cifras',
  'stats.cli.status.imported': 'importado',
  'stats.cli.status.unchanged': 'sin cambios',
  'stats.cli.status.missing': 'no encontrado',
  'stats.cli.status.failed': 'ERROR',
  'stats.cli.summary_line':
    'Importa los archivos de datos oficiales (INEGI, CONAPO) a las tablas de estadística',
  // Issue 16 finding 5: what is wrong with a requester's polygon, said so it can be fixed.
  'polygon.problem.not_polygon':
    'El archivo no contiene un polígono GeoJSON. Se acepta un Polygon, un MultiPolygon, un Feature con uno de ellos o una FeatureCollection (como las que exportan geojson.io y QGIS).',
  'polygon.problem.collection_without_polygon':
    'La FeatureCollection no contiene ningún polígono: solo trae puntos, líneas u otras geometrías. Dibuja o exporta un área (Polygon o MultiPolygon).',
  'polygon.problem.coordinates':
    'Hay coordenadas no válidas: cada punto debe ser [longitud, latitud] en grados, con la longitud entre -180 y 180 y la latitud entre -90 y 90, sin valores vacíos ni texto.',
  'polygon.problem.not_closed':
    'Un anillo del polígono no está cerrado: su último punto debe repetir el primero.',
  'polygon.problem.too_many_vertices':
    'El polígono tiene {count} vértices y se aceptan hasta {max}. Simplifícalo (por ejemplo, con «Simplificar» en QGIS) y vuelve a enviarlo.',
  'polygon.problem.too_large':
    'El polígono ocupa más de {kb} KB. Simplifícalo o reduce los decimales de las coordenadas (cinco bastan).',
  'polygon.problem.too_few_points':
    'El polígono está degenerado: uno de sus anillos tiene menos de 3 puntos distintos.',
  'polygon.problem.zero_area':
    'El polígono está degenerado: su superficie es cero (sus puntos están alineados o repetidos).',
  'polygon.problem.antimeridian':
    'El polígono cruza el antimeridiano (longitud 180°), así que no describe un área del estado. Revisa las longitudes.',
  'polygon.problem.self_intersecting':
    'El polígono se cruza consigo mismo (o dos de sus partes se enciman) cerca de longitud {lon}, latitud {lat}. Corrige el trazo para que sus lados no se crucen.',
  'stats.error.polygon_too_complex':
    'El polígono es demasiado complejo para cruzarlo a tiempo con los límites municipales. Simplifícalo (menos vértices o un trazo más suave) y vuelve a intentarlo.',
  'stats.note.polygon_outside_share':
    'El {pct} % de la superficie del polígono queda fuera de {state}: las cifras se refieren solo a la parte que está dentro.',
} as const;
