# La página de una reunión (/es/meetings/<slug>), el error de su archivo de calendario, cuánto hace
# que algo se actualizó, y la página de fuentes (/es/sources: de dónde vienen las reuniones).

meeting-breadcrumb = Ruta de navegación
meeting-sample-data-html = <strong>Datos de ejemplo:</strong> las reuniones de este sitio son ejemplos, no reuniones reales.
meeting-inactive-html = Esta reunión está <strong>suspendida temporalmente</strong>. Consulte con el grupo antes de ir.
meeting-when = Cuándo
meeting-add-calendar = Agregar a mi calendario
meeting-add-calendar-note = (un evento semanal, en la zona horaria de la reunión)
meeting-where = Dónde
meeting-area-only = (solo la zona)
meeting-directions = Cómo llegar
meeting-map = Mapa en OpenStreetMap
meeting-other-website = (abre otro sitio web)
meeting-join-online = Unirse en línea
meeting-by-phone = Por teléfono:
meeting-how-to-attend = Forma de asistir
meeting-kind = Tipo de reunión
meeting-other-codes = Otros códigos:
meeting-other-codes-note = (propios del grupo; pregunte al grupo qué significan)
meeting-notes = Notas
meeting-report-change = Informar un cambio
meeting-report-change-note = (un formulario breve: un nuevo horario o lugar, o una reunión que ya no se hace; el personal lo revisa primero)
meeting-about-listing = Sobre este anuncio
meeting-kept-on-bmlt = Registrado en el servidor raíz BMLT
meeting-bmlt-change-form = su propio formulario de cambios
meeting-published-by = Anuncio publicado por
meeting-how-listings-kept = Cómo se mantienen al día los anuncios de este sitio
meeting-back-to-results = Volver a sus resultados
meeting-moment = Cuándo, dónde y cómo llegar
meeting-join = Unirse
meeting-join-now = { $started }: únase ahora
meeting-id = ID de la reunión
meeting-passcode = Código de acceso
meeting-passcode-in-link = incluido en el enlace (no hay que escribirlo)
meeting-updated = Actualizado
meeting-more-of-group = Más reuniones de { $group }
meeting-no-calendar = Esta reunión es con cita previa, así que no tiene archivo de calendario. Su página explica cómo acordar un horario.

# Cuánto hace: "Actualizado hace 3 meses", "actualizada hace 2 horas".
ago-just-now = hace un momento
ago-today = hoy
ago-yesterday = ayer
ago-minutes =
    { $count ->
        [one] hace { $count } minuto
       *[other] hace { $count } minutos
    }
ago-hours =
    { $count ->
        [one] hace { $count } hora
       *[other] hace { $count } horas
    }
ago-days =
    { $count ->
        [one] hace { $count } día
       *[other] hace { $count } días
    }
ago-weeks =
    { $count ->
        [one] hace { $count } semana
       *[other] hace { $count } semanas
    }
ago-months =
    { $count ->
        [one] hace { $count } mes
       *[other] hace { $count } meses
    }
ago-years =
    { $count ->
        [one] hace { $count } año
       *[other] hace { $count } años
    }

sources-title = De dónde vienen las reuniones
sources-description = Las listas de reuniones que sigue este directorio y cuándo se actualizó cada una por última vez.
sources-lead = Los horarios y lugares de las reuniones cambian. Este directorio copia las listas que publican los grupos y las oficinas, y las vuelve a revisar con regularidad. Cada lista de abajo indica cuándo se actualizó por última vez, para que usted pueda juzgar qué tan reciente es un anuncio. Si tiene dudas, consulte con el grupo antes de ir.
sources-entered-here-html = Las reuniones que el personal agregó aquí o cargó desde un archivo no vienen de estas listas: figuran como <strong>ingresadas aquí</strong>.
sources-none = Por ahora este directorio no sigue ninguna lista publicada: todas las reuniones se ingresaron aquí.
sources-group = Grupo:
sources-meetings =
    { $count ->
        [one] { $count } reunión
       *[other] { $count } reuniones
    }
sources-updated = actualizada { $ago }
sources-not-fetched = todavía no se pudo obtener
sources-failed = El último intento falló { $ago }; se sigue mostrando su última lista válida.
sources-list = Lista:
meeting-approximate-location = Ubicación aproximada: en nuestro mapa esta reunión está en { $place }, según su dirección. Guíese por la dirección.
