# Las palabras del dominio del sitio, compartidas por páginas y hojas para imprimir: para quién es
# un grupo, su enfoque, las filas de la comparación, qué significa una reunión cerrada, momentos
# del día y formas de asistir.

audience-substance-use = Para personas con un trastorno por consumo de sustancias
audience-co-occurring = Para personas con trastornos concurrentes
audience-family = Para familiares, amigos y parejas
approach-twelve-step = De 12 Pasos
approach-other = No es de 12 Pasos
approach-not-described = Enfoque no descrito en la hoja informativa
spirituality-higher-power = grupos que hacen de un poder superior parte de la vida diaria
spirituality-meditation = grupos que animan a meditar a diario pero no ponen otro énfasis en Dios ni en un poder superior
spirituality-secular = grupos laicos, que mantienen la recuperación separada de la espiritualidad
spirituality-none-mentioned = grupos cuyo enfoque describe la hoja informativa sin ningún elemento espiritual
spirituality-not-described = grupos cuyo enfoque no describe la hoja informativa
religious-more-participation = grupos en los que la hoja informativa relaciona las creencias religiosas firmes con una mayor participación
religious-less-effect = grupos en los que la creencia religiosa influyó menos en la participación
religious-less-participation = grupos en los que la creencia religiosa se asoció con menor participación
religious-not-described = grupos sobre los que la hoja informativa no da ese dato
substance-alcohol = alcohol
substance-drugs = cualquier droga
substance-any = cualquier sustancia
substance-cocaine = cocaína
substance-meth = crystal meth (metanfetamina de cristal)
substance-heroin = heroína
substance-marijuana = marihuana
medication-opioid = medicamentos para la dependencia de opioides (farmacoterapia para opioides, como la metadona o la buprenorfina)
comparison-substance-focus = Sustancias
comparison-spiritual-emphasis = Énfasis espiritual
comparison-medication = Tratamiento asistido con medicamentos
comparison-abstinence = Abstinencia
comparison-sponsors = Padrinos o madrinas
comparison-lifetime-membership = Participación de por vida
comparison-meeting-structure = Cómo son las reuniones
comparison-size = Tamaño
comparison-online-options = Opciones en línea
# Quién puede asistir a una reunión (views::Admission): la frase de la página de la reunión y la
# etiqueta junto a una reunión en una hoja impresa. Una reunión cerrada para mujeres dice "Solo para mujeres." y luego su closed-*.
admission-open-anyone = Una reunión abierta: puede asistir cualquier persona, incluidos familiares, amigos y profesionales.
admission-open-women = Una reunión abierta para mujeres: puede asistir cualquier mujer, incluidas las familiares, amigas y profesionales.
admission-open-men = Una reunión abierta para hombres: puede asistir cualquier hombre, incluidos los familiares, amigos y profesionales.
admission-for-women = Solo para mujeres.
admission-for-men = Solo para hombres.
admission-women-only = solo para mujeres
admission-men-only = solo para hombres
closed-family = Reunión cerrada. Este grupo es para familiares y amigos de personas con un trastorno por consumo de sustancias; la hoja informativa no dice para quién son sus reuniones cerradas, así que pregunte al grupo o consulte su sitio web.
closed-twelve-step = Reunión cerrada: solo para personas que quieren dejar de beber o de consumir drogas.
closed-other = Reunión cerrada. La hoja informativa explica las reuniones cerradas solo para los grupos de 12 Pasos (allí son para personas que quieren dejar de beber o de consumir drogas), así que pregunte a este grupo qué significa cerrada para él.
closed-unknown-group = Reunión cerrada: no es para todos. En los grupos de 12 Pasos para personas con un trastorno por consumo de sustancias, las reuniones cerradas son solo para quienes quieren dejar de beber o de consumir drogas; otros grupos pueden ser distintos, así que pregunte al grupo.
time-of-day-morning = Mañana (de 05:00 a 12:00)
time-of-day-midday = Mediodía (de 12:00 a 17:00)
time-of-day-evening = Tarde (de 17:00 a 21:00)
time-of-day-night = Noche (de 21:00 a 05:00)
attendance-in-person = En persona
attendance-online = En línea
attendance-hybrid = En persona y en línea
attendance-inactive = Suspendida temporalmente
schedule-by-appointment = Con cita previa
schedule-until = de { $start } a { $end }
schedule-day-time = { $day }, { $time }
schedule-zone = { $when } ({ $zone })
zone-time = hora de { $place }
# Junto al sitio web de un grupo: la dirección de la hoja informativa, o una más reciente (que no proviene de ella).
website-listed-in-fact-sheet = indicado en la hoja informativa
website-moved-short = dirección nueva, no de la hoja informativa
website-moved = dirección nueva, que no proviene de la hoja informativa (esta indica { $listed })
# La fecha de la hoja informativa, dicha dondequiera que se muestran sus cifras (páginas de grupos y hojas impresas).
fact-sheet-figures = Cifras de la hoja informativa (primavera de 2008); pueden haber cambiado.
