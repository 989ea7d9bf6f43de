# El buscador de reuniones (/es/meetings): el formulario, las opciones rápidas, los resultados, las
# filas y los avisos cuando no se pudo usar parte de una búsqueda. Los valores entre comillas en
# los avisos son valores de la dirección (day=tonight, attendance=online) y no se traducen.

finder-title = Buscar una reunión
finder-description = Busque reuniones de grupos de apoyo mutuo por día, hora, lugar, tipo y forma de asistir, incluidas las reuniones abiertas a las que puede ir cualquier persona.
finder-feed-title = Fuente de reuniones
finder-sample-data-html = <strong>Datos de ejemplo:</strong> sirven para probar el sitio; no son reuniones reales.
finder-notices-heading = No se pudo usar parte de su búsqueda:
finder-form-label = Filtros de reuniones
finder-for-whom = ¿Para quién es?
finder-for-self = Mi propia recuperación
finder-for-family = Un familiar o un amigo
finder-for-both = Ambos
finder-words = Palabras (nombre, lugar, notas)
finder-day = Día
finder-day-upcoming = Próximas
finder-day-today = Hoy
finder-day-tonight = Esta noche
finder-also-day = y { $day }
finder-time = Hora del día
finder-time-any = Cualquier hora
finder-near = Cerca de (ciudad o código postal)
finder-within = A no más de
finder-within-any = Cualquier distancia
finder-nearest-first = Las más cercanas primero
finder-more-filters = Más filtros
finder-types = Tipo de reunión (todas las marcadas)
finder-attendance = Forma de asistir
finder-attendance-any = Cualquier forma
finder-attendance-in-person = En persona (incluye híbridas)
finder-attendance-online = En línea o por teléfono (incluye híbridas)
finder-attendance-hybrid = Solo híbridas
finder-groups = Grupo (cualquiera de los marcados)
finder-region = Zona
finder-region-any = Cualquier lugar
finder-include-inactive = Incluir reuniones suspendidas temporalmente
finder-submit = Mostrar reuniones
finder-clear = Borrar todo
finder-quick-choices = Opciones rápidas
finder-toggle-open = Reuniones abiertas
finder-toggle-online = En línea
finder-toggle-tonight = Esta noche
finder-toggle-on = : activado (toque para desactivar)
finder-toggle-off = : desactivado (toque para activar)
finder-count =
    { $count ->
        [0] No se encontraron reuniones
        [one] { $count } reunión
       *[other] { $count } reuniones
    }
finder-from-now = a partir de ahora
finder-page-of = (página { $page } de { $pages })
finder-none-match = Ninguna reunión cumple todas estas opciones. Puede ampliar su búsqueda:
finder-widen-day = Mostrar cualquier día
finder-widen-time = Mostrar cualquier hora del día
finder-widen-types = Mostrar cualquier tipo de reunión
finder-widen-groups = Mostrar todos los grupos
finder-widen-attendance = Mostrar cualquier forma de asistir
finder-widen-region = Mostrar todas las zonas
finder-widen-distance = Mostrar cualquier distancia
finder-widen-seeker = Mostrar reuniones de todo tipo de grupo
finder-widen-words = Mostrar sin palabras de búsqueda
finder-show-all = Mostrar todas las reuniones
finder-past-end = Esta página está más allá del final de los resultados.
finder-last-page = Ir a la última página
finder-add-meeting = Agregar una reunión que falta
finder-pages-label = Páginas de resultados
finder-previous-page = Página anterior
finder-next-page = Página siguiente
finder-page = Página { $page } de { $pages }
finder-print = Imprimir un horario de estas reuniones
finder-calendar = Agregar estas reuniones a un calendario
finder-feed = Fuente Meeting Guide (JSON)

# Una fila de resultados.
row-for-family = Para familiares y amigos
row-also-online = también en línea
row-inactive = Suspendida temporalmente: consulte con el grupo antes de ir.
row-venue-closed = El local está cerrado temporalmente; por ahora la reunión es en línea.
row-place-on-request = Lugar disponible si lo solicita
row-online = En línea
row-by-phone = Por teléfono
row-started = En curso · empezó hace { $duration }
row-starting-now = Empieza ahora
row-starts-in = En { $duration }
row-distance-under = menos de 0.1 { $unit }
# Las insignias: la palabra y lo que significa en una línea (igual para todo tipo de grupo).
badge-open = Abierta
badge-closed = Cerrada
badge-open-women = puede asistir cualquier mujer
badge-open-men = puede asistir cualquier hombre
badge-open-anyone = puede asistir cualquier persona
badge-closed-family = para familiares y amigos
badge-closed-own = para personas que quieren dejar de beber o de consumir drogas
badge-unstated = Sin indicar
badge-unstated-meaning = no dice si es abierta o cerrada: pregunte al grupo
badge-unstated-women = para mujeres; no dice si es abierta o cerrada: pregunte al grupo
badge-unstated-men = para hombres; no dice si es abierta o cerrada: pregunte al grupo
badge-closed-own-women = para mujeres que quieren dejar de beber o de consumir drogas
badge-closed-own-men = para hombres que quieren dejar de beber o de consumir drogas
badge-closed-family-women = para mujeres familiares o amigas
badge-closed-family-men = para hombres familiares o amigos
# Grupos cuyas reuniones cerradas no explica la hoja informativa (no son de 12 Pasos, o no se describen).
badge-closed-ask = pregunte al grupo quién puede asistir
badge-closed-ask-women = para mujeres; pregunte al grupo quién puede asistir
badge-closed-ask-men = para hombres; pregunte al grupo quién puede asistir
# Unidades de distancia, escritas después de un número.
unit-mi = mi
unit-km = km

# Por qué no se usó parte de una búsqueda.
notice-no-group = No hay ningún grupo llamado «{ $value }»; no se tuvo en cuenta esa opción.
notice-not-a-day = «{ $value }» no es un día (use del 0 para el domingo al 6 para el sábado, today, tonight o upcoming); no se tuvo en cuenta.
notice-time-kept = Solo se puede elegir una hora del día; se mantuvo { $kept }.
notice-not-a-time = «{ $value }» no es una hora del día (morning, midday, evening o night); no se tuvo en cuenta.
notice-attendance-kept = Solo se puede elegir una forma de asistir; se mantuvo «{ $kept }».
notice-not-a-way-to-attend = «{ $value }» no es una forma de asistir (in_person, online o hybrid); no se tuvo en cuenta.
notice-not-a-seeker = «{ $value }» no indica para quién es la reunión (self, family o both); se muestran ambos.
notice-not-a-distance = «{ $value }» no es una distancia (un número entero del 1 al { $max }); no se tuvo en cuenta.
notice-not-an-order = «{ $value }» no es un orden (time o distance); se ordenó por hora.
notice-not-a-zone = «{ $value }» no es una zona horaria (como America/Los_Angeles); hoy y esta noche son los del sitio.
notice-not-a-page = «{ $value }» no es un número de página; se muestra la primera página.
notice-distance-needs-place = Para una distancia hace falta un lugar desde donde medir; elija un lugar cercano.
notice-sort-needs-place = Para ordenar por distancia hace falta un lugar; se ordenó por hora.
notice-too-many-types = Se pueden pedir como máximo { $max } tipos de reunión a la vez; no se tuvieron en cuenta los demás.
notice-not-a-type-code = «{ $value }» no es un código de tipo de reunión; no se tuvo en cuenta.
notice-non-standard-type = «{ $code }» no es un tipo de reunión estándar; se muestran las reuniones cuyo grupo lo usa.
notice-query-cut = El texto de búsqueda se recortó a sus primeros { $max } caracteres.
notice-unknown-place = No tenemos reuniones en un lugar llamado «{ $value }», así que no se usó la distancia. Pruebe con una ciudad, una zona o un código postal de la lista.
notice-did-you-mean = No tenemos reuniones en un lugar llamado «{ $value }», así que no se usó la distancia. ¿Quiso decir { $suggestions }?

# Cerca de un lugar (issue 22): el título nombra el lugar y la distancia usada.
finder-your-location = su ubicación
finder-within-place = a menos de { $distance } de { $place }
finder-you-typed = (escribió { $typed })
finder-distance-chosen = La distancia más corta con suficientes reuniones, las más próximas primero.
finder-wider = Más lejos: { $distance }
notice-did-you-mean-links = No tenemos reuniones en un lugar llamado «{ $value }», así que no se usó la distancia. ¿Quiso decir:
finder-groups-own = Grupos para la propia recuperación (cualquiera de los marcados)
finder-groups-family = Grupos para familiares y amigos (cualquiera de los marcados)
finder-use-my-location = Usar mi ubicación
finder-locating = Buscando su ubicación…
finder-located = Ubicación encontrada; se muestran reuniones cerca de usted.
finder-location-denied = No se pudo encontrar su ubicación. Escriba una ciudad o un código postal.
finder-online-anywhere = En línea, desde cualquier lugar
finder-online-all =
    { $count ->
        [one] Ver la { $count } reunión en línea
       *[other] Ver las { $count } reuniones en línea
    }
