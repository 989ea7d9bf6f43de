# Las páginas de los grupos: /groups (los grupos según para quién son y la tabla lado a lado),
# /groups/{slug} y /groups/compare, con sus mensajes de error 400.

groups-title = Grupos
groups-description = Todos los grupos de apoyo mutuo de la hoja informativa, según para quién son, con una comparación lado a lado de sus filosofías.
groups-heading = Grupos de apoyo mutuo
groups-lead = Los grupos que describe la hoja informativa, según para quién son. Compare sus filosofías para encontrar uno que encaje: quienes están de acuerdo con las creencias de un grupo participan más, y la participación activa se asocia con mantener la abstinencia.
groups-intro-html = <a href="#comparison">Todos los grupos en una tabla</a>, o marque dos o tres grupos más abajo y compárelos.
groups-approach = Enfoque
groups-approach-all = Todos
groups-show = Mostrar
groups-compare-ticked = Comparar los grupos marcados
groups-two-or-three = (dos o tres)
groups-women-only = Solo para mujeres
groups-compare-choice = Comparar
groups-side-by-side = Lado a lado
groups-side-by-side-text = Cada fila es un grupo; las columnas son lo que más suelen preguntar los profesionales y los clientes. Debajo de la tabla: lo que la hoja informativa dice solo de algunos grupos.
groups-not-described-legend = no se describe en la hoja informativa: consulte el sitio web del grupo.
groups-not-described = No se describe
groups-not-described-lower = no se describe
groups-comparison-caption = { $count ->
    [one] Comparación de 1 grupo de apoyo mutuo
   *[other] Comparación de { $count } grupos de apoyo mutuo
}
groups-column-group = Grupo
groups-row-for = Para quién
groups-row-website = Sitio web
groups-meetings-here = { $count ->
    [one] 1 reunión en este directorio
   *[other] { $count } reuniones en este directorio
}
groups-website = Sitio web:
groups-known-twelve-step = Se describe a sí mismo como un grupo de 12 Pasos. Esto no proviene de la hoja informativa, que no describe su enfoque.
groups-print-handout = Imprimir una hoja de una página sobre el grupo
groups-compare-with = Comparar con
groups-choose-group = Elija un grupo
groups-or-every-group = o vea todos los grupos en una tabla
groups-at-a-glance = De un vistazo
groups-source-html = Fuente: la hoja informativa <cite lang="en">An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA). Vea también <a href="{ $about }">acerca de los grupos de apoyo mutuo</a>.
groups-compare-title = Comparar { $names }
groups-compare-description = Grupos de apoyo mutuo lado a lado: enfoque, espiritualidad, padrinos o madrinas, reuniones, tamaño, opciones en línea y tratamiento asistido con medicamentos.
groups-compare-breadcrumb = Comparar
groups-compare-heading = Comparar { $count } grupos
groups-compare-lead-html = Los grupos elegidos lado a lado, según la hoja informativa <cite lang="en">An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA). Quienes están de acuerdo con las creencias de un grupo participan más.
groups-every-group = Todos los grupos en una tabla
groups-choose-other = Elegir otros grupos
# Une los dos últimos nombres de una lista: "A, B y C".
groups-list-and = y
groups-error-approach = El filtro de enfoque puede ser “twelve-step” (de 12 Pasos), “other” (no es de 12 Pasos) o “all” (todos).
groups-error-unknown = “{ $slug }” no es un grupo de este directorio. Elija dos o tres grupos en la página de grupos.
groups-error-too-few = { $count ->
    [0] Elija al menos dos grupos para comparar; esta dirección no nombra ninguno.
   *[other] Elija al menos dos grupos para comparar; esta dirección nombra solo uno.
}
groups-error-too-many = Elija como máximo { $most } grupos para comparar; esta dirección nombra { $count }. La tabla completa de la página de grupos muestra todos los grupos lado a lado.
groups-beside-table = Lo que la hoja informativa dice solo de algunos grupos
groups-mat-fact-sheet = La hoja informativa dice que algunos grupos pueden apoyar más que otros el tratamiento asistido con medicamentos (MAT) y que una persona tratada con metadona por dependencia de opioides puede sentirse más cómoda en un grupo cuyos miembros entienden los beneficios de la farmacoterapia para opioides.
groups-beside-described = Lo describe para:
groups-beside-none = No lo describe para ninguno de los grupos mostrados.
groups-compare-mat-none = No describe la postura de estos grupos ante el MAT.
