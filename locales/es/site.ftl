# El marco de cada página (plantilla, navegación, pie), la nota de crisis, las páginas de error y
# las palabras que comparten todas las áreas: días, horas, el cambio de idioma.

language-name = Español
# "12" muestra las horas como 7:30 pm, "24" como 19:30.
clock = 24
site-name = Directorio de Apoyo Mutuo
site-description = Un directorio de grupos de apoyo mutuo para la recuperación del consumo de alcohol y drogas, y de sus reuniones.
skip-to-content = Ir al contenido principal
nav-label = Principal
nav-meetings = Buscar una reunión
nav-groups = Grupos
nav-about = Acerca de
nav-guide = Guía para profesionales
nav-handouts = Hojas para imprimir
breadcrumb-label = Ruta de navegación
language-switch-label = Idioma
footer-source-html = Los datos sobre los grupos provienen de la hoja informativa <cite lang="en">An Introduction to Mutual Support Groups for Alcohol and Drug Abuse</cite> (SAMHSA, <cite lang="en">Substance Abuse in Brief Fact Sheet</cite>), contados con nuestras propias palabras.
footer-privacy = Privado por diseño: las páginas públicas no usan cookies (solo el acceso del personal) y nada se carga desde otros sitios web.
footer-sources-html = <a href="{ $href }">De dónde vienen las reuniones</a> y cuándo se actualizó cada lista.

crisis-heading = Si está en crisis, busque ayuda ahora
crisis-emergency-html = Emergencias: llame al <a href="tel:911"><strong>911</strong></a>.
crisis-lifeline-html = Línea 988 de Prevención del Suicidio y Crisis: llame o envíe un mensaje de texto al <a href="tel:988"><strong>988</strong></a> (si llama, oprima 2 para español).
crisis-helpline-html = Línea Nacional de Ayuda de SAMHSA: <a href="tel:+18006624357"><strong>1-800-662-4357</strong></a>, gratuita y confidencial, las 24 horas, los 7 días de la semana, en inglés y en español.
crisis-not-treatment = Un grupo de apoyo mutuo no es un tratamiento: es el apoyo de personas que comparten el mismo problema. Si cree que puede tener un trastorno por consumo de sustancias, hable también con un médico o con un servicio de tratamiento.
crisis-source = Estos números (Estados Unidos) no provienen de la hoja informativa en la que se basa este sitio.
crisis-line-html = <strong>En crisis:</strong> llame o escriba al <a href="tel:988"><strong>988</strong></a>, o al <a href="tel:911"><strong>911</strong></a> · Línea Nacional de Ayuda de SAMHSA: <a href="tel:+18006624357"><strong>1-800-662-4357</strong></a> · <span class="crisis-source">Números de EE. UU., no de la hoja informativa.</span>

error-code = Error { $status }.
error-find-meeting = Buscar una reunión
error-browse-groups = Ver los grupos
error-home = Ir a la página de inicio
error-bad-request = No se pudo entender la solicitud
error-not-found = Página no encontrada
error-not-found-text = No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.
error-busy = El sitio está muy ocupado
error-database-busy = Otro programa está escribiendo en la base de datos en este momento, así que no se pudo guardar nada. Vuelva a intentarlo en un momento.
error-unwritable = No se pueden guardar cambios en este momento
error-unwritable-text = El sitio no puede escribir en su base de datos ahora mismo, así que no se guardó nada. Se ha avisado a quienes administran el sitio; vuelva a intentarlo más tarde.
error-no-room = Este feed no se puede generar en este momento
error-no-room-text = El servidor no tiene espacio en su disco para este feed. Se ha avisado a quienes administran el sitio; vuelva a intentarlo más tarde.
error-busy-text = Hay demasiadas personas buscando a la vez. Vuelva a intentarlo en un momento.
error-internal = Algo salió mal de nuestro lado
error-internal-text = No se pudo mostrar la página. Vuelva a intentarlo en un momento.
error-too-large = El contenido de la solicitud es demasiado grande.

day-0 = Domingo
day-1 = Lunes
day-2 = Martes
day-3 = Miércoles
day-4 = Jueves
day-5 = Viernes
day-6 = Sábado
time-noon = mediodía
time-midnight = medianoche
time-am = a. m.
time-pm = p. m.

# Lo que dice una celda de la comparación cuando la hoja informativa no dice nada; los archivos de contenido usan exactamente estas frases.
fact-sheet-silent = No se describe en la hoja informativa
fact-sheet-no-figure = La hoja informativa no da cifras

# Fechas en palabras: los nombres de los meses y la fecha larga.
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
date-long = { $day } de { $month } de { $year }

# Los márgenes de cada página impresa (/print.css): "Impreso el 29 de noviembre de 2026", "Página 1 de 2".
print-date = Impreso el { $date }
print-page = Página
print-page-of = de
