# Los formularios públicos de solicitud de cambios (/meetings/new, /meetings/<slug>/change): sus
# palabras, sus campos tal como los ve el público, los problemas que señala, la página de
# agradecimiento y la página que remite al formulario propio de una fuente. Las páginas del
# personal muestran los mismos campos en inglés.

request-change-title = Informar un cambio: { $name }
request-new-title = Agregar una reunión que falta
request-breadcrumb = Ruta de navegación
request-change-crumb = Informar un cambio
request-change-heading = Informar un cambio en «{ $name }»
request-change-intro = El formulario muestra la reunión tal como aparece ahora. Cambie lo que sea distinto o explíquenoslo en el mensaje. El personal revisa cada solicitud antes de cambiar la información.
request-new-crumb = Agregar una reunión
request-new-intro = Cuéntenos sobre una reunión que no está en este sitio. El personal revisa cada solicitud antes de publicar una reunión.
request-problems-heading = Revise el formulario
request-problems-fields = Junto a cada campo con un problema se indica qué está mal.
request-closed-for-good = Esta reunión dejó de existir definitivamente
request-message-label = Mensaje
request-message-hint = Cualquier otra cosa que el personal deba saber, y cómo lo sabe usted (como máximo 5000 caracteres).
request-reply-label = Su correo electrónico (opcional)
request-reply-hint = Solo si el personal puede escribirle sobre esto. Solo lo ve el personal, y se borra cuando se cierra la solicitud.
request-honeypot = Deje esto en blanco
request-send = Enviar la solicitud
request-privacy = Sin cuenta y sin cookies: guardamos lo que envía para que lo revise el personal y, hasta que se cierre la solicitud, una versión codificada de su dirección de red que solo sirve para limitar cuántas solicitudes se pueden enviar desde un mismo lugar en una hora.

request-thanks-heading = Solicitud recibida
request-thanks = Gracias. El personal lee cada solicitud y la revisa antes de cambiar nada; eso suele tardar unos días. Si la aprueba, la información cambia en este sitio. Si dejó un correo electrónico, es posible que le escriban; el correo se borra una vez cerrada la solicitud.
request-back = Volver a la reunión
request-find = Buscar una reunión
request-source-heading = Informar un cambio en este anuncio
request-source-links = Esta reunión proviene de { $source }, cuya lista sigue este sitio, así que un cambio hecho aquí se perdería en la próxima actualización. Envíeles el cambio a ellos con uno de los enlaces de abajo.
request-source-no-links = Esta reunión proviene de { $source }, cuya lista sigue este sitio, así que un cambio hecho aquí se perdería en la próxima actualización. Envíeles el cambio a ellos (en la página de la reunión se indica quién la publica).
request-source-form = El formulario de la fuente para informar cambios
request-source-email = Escribir a { $address }

request-too-many = Desde esta dirección se enviaron { $count } solicitudes en la última hora, el máximo que aceptamos. Vuelva a intentarlo dentro de una hora; lo que envió no se guardó.
request-too-many-heading = Demasiadas solicitudes
request-too-large-heading = El formulario es demasiado grande
request-too-large = El formulario envió más texto del que aceptamos. Acorte el mensaje y vuelva a enviarlo; lo que envió no se guardó.
request-unreadable = No se pudo leer el formulario.
request-message-too-long = El mensaje tiene más de { $max } caracteres; acórtelo, por favor.
request-message-control = El mensaje contiene un carácter de control invisible; quítelo, por favor (los saltos de línea están bien).
request-reply-bad = El correo electrónico para responderle no parece una dirección de correo (es opcional).
request-nothing-changed = No se cambió nada: cambie un campo, marque «dejó de existir definitivamente» o escriba un mensaje.

# Los campos de la reunión: etiquetas, indicaciones y qué está mal en un valor.
request-field-slug = Dirección (slug)
request-field-name = Nombre de la reunión
request-field-fellowship = Grupo
request-field-day = Días
request-field-time = Hora de inicio
request-field-end-time = Hora de finalización
request-field-timezone = Zona horaria
request-field-types = Códigos de tipo
request-field-location = Lugar
request-field-formatted-address = Dirección
request-field-conference-url = Enlace de la reunión en línea
request-field-conference-phone = Número de teléfono para llamar
request-field-notes = Notas
request-field-other = Otro
request-hint-slug = Minúsculas, dígitos y guiones: la dirección de la reunión en este sitio.
request-hint-day = Marque cada día en que se reúne; ninguno si la reunión es con cita previa.
request-hint-time = Por ejemplo, 19:00 o 7:00 PM.
request-hint-types = Códigos separados por comas, por ejemplo O, D, W (abierta, discusión, mujeres).
request-hint-formatted-address = Calle y número, ciudad, estado y código postal.
request-hint-conference-url = Empieza por https://
request-hint-timezone = Un nombre IANA, por ejemplo America/Chicago.
request-not-given = (sin indicar)
request-by-appointment = (con cita previa)
# El problema de un campo (las páginas en inglés muestran las palabras del lector de listas; estas dicen lo mismo en breve).
request-error-missing = Falta este dato.
request-error-too-long = Es demasiado largo.
request-error-control = Contiene un salto de línea o un carácter de control invisible; escríbalo en una sola línea de texto simple.
request-error-name = Escriba el nombre de la reunión.
request-error-fellowship = Elija un grupo de la lista.
request-error-day = Marque los días en que se reúne.
request-error-time = «{ $value }» no es una hora (por ejemplo, 19:00 o 7:00 PM).
request-error-time-missing = Una reunión que tiene día necesita una hora de inicio.
request-error-types = Escriba códigos de tipo separados por comas, por ejemplo O, D, W.
request-error-conference-url = El enlace debe empezar por https://
request-error-other = No se pudo leer este dato; revíselo, por favor.
# Un problema del formulario entero: $field es la etiqueta del campo.
request-busy = El sitio no pudo guardar su solicitud en este momento (otro programa está escribiendo en su base de datos). No se perdió nada de lo que escribió: envíe el formulario de nuevo en un momento.
request-error-of = { $field }: { $problem }
request-field-attendance = Cómo asistir
request-field-regions = Ciudad y región
request-field-latitude = Latitud
request-field-longitude = Longitud
request-field-location-notes = Notas sobre el lugar
request-field-conference-url-notes = Notas sobre el enlace en línea
request-field-conference-phone-notes = Notas sobre el teléfono
request-hint-regions = De la zona más amplia a la ciudad, separadas por >, por ejemplo Prairie County > Riverton.
request-hint-coordinates = Grados decimales, por ejemplo 45.1533 y -93.2127. Deje ambos vacíos para ubicar la reunión por su dirección (aproximada).
request-hint-attendance = En persona necesita una dirección; en línea, un enlace o teléfono; híbrida, ambos. Sin elegir, se deduce de esos campos.
