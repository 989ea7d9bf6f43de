# Las hojas para imprimir: la página de hojas, el marco de cada hoja (botón Imprimir), la hoja
# informativa de cada grupo, el horario de reuniones impreso y la hoja de referencia, con la fecha
# de impresión.

handouts-title = Hojas para imprimir
handouts-description = Hojas para imprimir: una hoja por grupo, horarios de reuniones y hojas de referencia.
handouts-heading = Hojas para imprimir
handouts-lead = Hojas para imprimir o entregar durante una consulta. Cada una cabe en las páginas que promete; cada página impresa lleva el nombre del sitio, la fecha de impresión y su número de página.
handouts-schedule-heading = Horario de reuniones
# $finder: la dirección del buscador en este sitio.
handouts-schedule-text-html = Haga una búsqueda en el <a href="{ $finder }">buscador de reuniones</a> y luego elija <strong>Imprimir un horario de estas reuniones</strong> debajo de los resultados. El horario es una tabla por día y luego por hora, con una clave de los tipos de reunión; las reuniones en línea indican el sitio web que usan.
handouts-schedule-all = Horario de todas las reuniones abiertas
handouts-referral-heading = Hoja de referencia
# $matcher: la dirección del buscador por filosofía en este sitio.
handouts-referral-text-html = Ofrezca más de una opción: elija dos grupos o más. La hoja da una breve descripción de cada uno, algunas de sus reuniones abiertas y líneas para el nombre del cliente, la fecha, una persona de contacto, un teléfono y una visita de seguimiento. El <a href="{ $matcher }">buscador por filosofía</a> puede sugerirle grupos.
handouts-referral-groups = Grupos que ofrecer (dos o más)
handouts-referral-meetings = Reuniones que incluir
handouts-referral-any = Cualquier forma de asistir
handouts-referral-in-person = En persona
handouts-referral-online = En línea o por teléfono
handouts-referral-women = Para una mujer: incluir también reuniones para mujeres (si no, se omiten, como las reuniones para hombres)
handouts-referral-near = Cerca de (una ciudad, región o código postal; opcional)
handouts-referral-make = Preparar la hoja de referencia
handouts-one-pagers = Una hoja por grupo

handout-print-button = Imprimir esta página
handout-print-hint = Use el comando Imprimir de su navegador; la página está preparada para papel.
# $date: el día de impresión, escrito como en date-long.
handout-printed = Impreso el { $date }.
handout-source-html = Fuente: la hoja informativa <cite lang="en">An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA).


handout-group-title = { $name }: hoja para imprimir
handout-group-tag = Grupo de apoyo mutuo
handout-not-described = no se describe
handout-find-heading = Cómo encontrar una reunión
handout-website = Sitio web:
handout-website-note = la mayoría tiene un buscador de reuniones
handout-directory-lists = { $count ->
    [one] Este directorio incluye 1 de sus reuniones:
   *[other] Este directorio incluye { $count } de sus reuniones:
}
handout-directory-sample = Este directorio tiene reuniones de ejemplo:
handout-open-free = Las reuniones abiertas son para cualquier persona (las que son solo para mujeres o para hombres, para cualquier mujer o cualquier hombre). Asistir es gratis; se suele dar una pequeña donación.

schedule-title = Horario de reuniones
# $date: la fecha impresa; $address: la dirección del buscador para esta búsqueda.
schedule-printed-from = Impreso el { $date } desde { $address }.
schedule-check-html = <strong>Confirme antes de ir:</strong> los horarios y los lugares cambian. Las reuniones en línea indican el sitio web que usan; sus enlaces completos están en la página de cada reunión.
schedule-none-html = Ninguna reunión coincide con esta búsqueda. <a href="{ $finder }">Buscar de nuevo</a>.
schedule-partial = Este horario muestra las primeras { $shown } de { $total } reuniones. Limite la búsqueda (por día, lugar o grupo) para ver la lista completa.
schedule-continued = { $day } (continuación)
schedule-col-time = Hora
schedule-col-meeting = Reunión
schedule-col-group = Grupo
schedule-col-where = Dónde
schedule-col-kind = Tipo
schedule-online = En línea: { $host }
schedule-phone = Teléfono: { $phone }
schedule-legend = Clave de los tipos de reunión
schedule-own-code = un código propio del grupo

referral-title = Hoja de referencia
referral-heading = Grupos de apoyo mutuo que podría probar
referral-intro = Estos grupos los dirigen sus miembros, no profesionales. Pruebe más de una reunión, y más de un grupo, antes de decidir: quienes sienten que el grupo les conviene participan más.
referral-near = Las reuniones indicadas son las reuniones abiertas más cercanas a { $place }.
referral-website = Sitio web: { $host }
referral-free = Gratis; se suele dar una pequeña donación.
referral-no-meetings = Ninguna reunión abierta de este directorio coincide; consulte el sitio web o { $address }
referral-online = en línea: { $host }
referral-phone = teléfono: { $phone }
referral-more = Más reuniones: { $address }
referral-client = Cliente:
referral-date = Fecha:
referral-contact = Persona de contacto:
referral-contact-phone = Teléfono:
referral-follow-up = Visita de seguimiento:
referral-open-note = Reuniones abiertas: no hace falta ser miembro; las marcadas “solo para mujeres” o “solo para hombres” son solo para ellas o ellos. Confirme los horarios antes de ir.
referral-source-html = Datos de la hoja informativa <cite lang="en">An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA, primavera de 2008); sus cifras pueden haber cambiado.
referral-too-few = Una hoja de referencia ofrece más de una opción: elija al menos dos grupos. Es más probable que la persona vaya si puede probar varios grupos y reuniones.
referral-change-place = Mostrar reuniones cerca de este lugar
referral-clinic-phone = Teléfono: { $phone }
referral-clinic-note = Los datos de la clínica son ajustes de este sitio, no de la hoja informativa.
referral-group-phone = teléfono: { $phone } (no es de la hoja informativa)
referral-qr = Escanee para ver las reuniones abiertas de estos grupos, al día
handout-sample-data-html = <strong>Datos de ejemplo:</strong> las reuniones de esta hoja son ejemplos, no reuniones reales. No la entregue.
referral-zone = Horario: { $zone }.
referral-when = { $day }, { $time }
schedule-title-what = reuniones { $kind } { $attendance }
schedule-title-open = abiertas
schedule-title-closed = cerradas
schedule-title-in-person = en persona
schedule-title-online = en línea
schedule-title-hybrid = híbridas
schedule-title-of = de { $groups }
schedule-title-for-family = para familiares y amigos
schedule-title-near = cerca de { $place }
schedule-title-matching = que contienen “{ $words }”
schedule-zone-note = Horario: { $zone }.
schedule-every-row = Todas las reuniones de la lista: { $what }.
