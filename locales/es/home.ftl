# La página de inicio: las dos entradas al buscador de reuniones, el número de reuniones y las
# cuatro entradas al resto del sitio.

home-title = Encuentre apoyo para la recuperación
home-heading = Apoyo mutuo para recuperarse del alcohol y las drogas
home-lead = Grupos dirigidos por sus propios miembros, no por profesionales, para personas que quieren dejar el alcohol o las drogas y para quienes se preocupan por ellas. Encuentre una reunión cerca de usted o en línea, y conozca en qué se diferencian los grupos.
home-start-label = Buscar una reunión
home-self = Reuniones para mi propia recuperación
home-self-detail = Reuniones abiertas que empiezan pronto, cerca de usted o en línea
home-family = Reuniones para familiares y amigos
home-family-detail = Para quienes se preocupan por alguien que bebe o consume drogas
home-near-label = Reuniones cerca de un lugar
home-near-submit = Buscar
home-all-meetings = { $count ->
    [one] La única reunión, con todos los filtros
   *[other] Las { $count } reuniones, con todos los filtros
}
home-groups-heading = Compare los grupos
home-groups-text = { $count ->
    [one] 1 grupo: de 12 Pasos y de otros enfoques, para trastornos concurrentes y para familiares y amigos.
   *[other] { $count } grupos: de 12 Pasos y de otros enfoques, para trastornos concurrentes y para familiares y amigos.
}
home-groups-link = Comparar los grupos lado a lado
home-guide-heading = Para profesionales
home-guide-text = Cómo referir a un cliente, el buscador por filosofía según sus creencias y necesidades, y el seguimiento.
home-guide-link = Guía para profesionales
home-matcher-link = Buscador por filosofía
home-handouts-heading = Hojas para imprimir
home-handouts-text = Imprima una hoja sobre un grupo, un horario de reuniones o una hoja de referencia con varias opciones.
home-handouts-link = Hojas para imprimir
home-about-heading = Qué esperar
home-about-text = Qué son los grupos de apoyo mutuo, las reuniones abiertas y cerradas, cómo es una reunión y qué encontraron los estudios.
home-about-link = Acerca de los grupos de apoyo mutuo
home-sample-data-html = <strong>Datos de ejemplo:</strong> las reuniones de este sitio son ejemplos para probarlo, no reuniones reales. El personal carga las reales desde las fuentes de los grupos.
