# El buscador por filosofía (/guide/match): su formulario, sus mensajes de error 400, las razones
# bajo cada sugerencia, por qué no se ofrece un grupo y las reglas que enuncia (con los puntos que
# cuentan).

matcher-title = Buscador por filosofía
matcher-description = Responda unas pocas preguntas sobre las creencias y necesidades de un cliente para ver qué grupos de apoyo mutuo podrían convenirle, con sus razones.
matcher-heading = ¿Qué grupos podrían convenir a este cliente?
matcher-lead = Quienes están de acuerdo con la manera de pensar de un grupo participan más, y la participación activa se asocia con mantener la abstinencia. Responda lo que sepa y deje el resto. Obtendrá más de un grupo para ofrecer, como aconseja la hoja informativa: ofrezca opciones y anime al cliente a probar varias reuniones.
matcher-suggestions = { $count ->
    [one] 1 grupo para ofrecer
   *[other] { $count } grupos para ofrecer, del que mejor encaja al que menos
}
matcher-offered-first = Se ofrece primero (trastornos concurrentes);
matcher-points = { $points } puntos:
matcher-fit-for = A favor:
matcher-fit-against = A tener en cuenta:
matcher-fit-note = Nota:
matcher-its-meetings = Sus reuniones
matcher-its-womens-meetings = Sus reuniones para mujeres
matcher-handout = Hoja para imprimir de una página
matcher-referral = Imprimir una hoja de referencia con estas opciones
matcher-other-medication = Algunos grupos pueden apoyar más que otros el tratamiento asistido con medicamentos. La hoja informativa nombra un grupo solo para la farmacoterapia para opioides (medicamentos para la dependencia de opioides, como la metadona), así que pregunte a un contacto del grupo en su zona cómo ven sus reuniones el medicamento del cliente.
matcher-not-offered-heading = No se ofrecen esta vez
matcher-change = Cambiar las respuestas
matcher-questions = Las preguntas
matcher-for-legend = ¿Para quién es la ayuda?
matcher-for-self = Para el cliente, por su propio consumo de alcohol o drogas
matcher-for-family = Para un familiar o amigo de alguien que bebe o consume drogas
matcher-spiritual-legend = ¿Qué piensa el cliente de un énfasis espiritual (un poder superior)?
matcher-spiritual-welcome = Lo acepta con gusto; tiene creencias religiosas firmes
matcher-spiritual-neutral = No tiene preferencia, o no se sabe
matcher-spiritual-avoid = Preferiría evitarlo; prefiere un enfoque laico
matcher-substance-legend = ¿Qué sustancia es la principal preocupación?
matcher-substance-unknown = No se sabe, o son varias
matcher-substance-alcohol = Alcohol
matcher-substance-drugs = Drogas
matcher-substance-cocaine = Cocaína
matcher-substance-meth = Metanfetamina (crystal meth)
matcher-substance-heroin = Heroína
matcher-substance-marijuana = Marihuana
matcher-mat-legend = ¿Recibe el cliente tratamiento asistido con medicamentos (MAT)?
matcher-mat-no = No, o no se sabe
matcher-mat-methadone = Sí: un medicamento para la dependencia de opioides (metadona, buprenorfina u otro)
matcher-mat-other = Sí: otro medicamento
matcher-women-legend = Si la persona es mujer: ¿iría a un grupo o a una reunión solo para mujeres?
matcher-women-no = No, no se le ha preguntado, o la persona no es mujer
matcher-women-accept = Lo aceptaría
matcher-women-want = Lo preferiría
matcher-more-legend = Otras cosas que correspondan
matcher-co-occurring = Además tiene un trastorno mental (trastornos concurrentes)
matcher-online = Quiere reuniones o foros en línea
matcher-submit = Sugerir grupos
matcher-how-heading = Cómo se hacen las sugerencias
matcher-how-text = El buscador sigue lo que dice la hoja informativa sobre las creencias, las familias, los trastornos concurrentes, los medicamentos y los grupos solo para mujeres, y solo lee los datos de cada grupo: las reglas de abajo, con sus puntos, son exactamente las que puntúan. No asigna grupos solo según el género, la motivación o un deterioro cognitivo: la hoja informativa señala que no se ha demostrado que sirva asignar a los clientes solo según esas características.
matcher-how-encourage = Anime al cliente a ir a varias reuniones y a probar otro grupo si el primero no le parece adecuado.

# Mensajes 400: cada uno nombra la pregunta (el parámetro de la dirección) y sus valores, que no se traducen.
matcher-error-yes-no = “{ $key }” puede ser yes (sí) o no.
matcher-error-for = “for” puede ser self (el cliente) o family (un familiar o amigo).
matcher-error-spiritual = “spiritual” puede ser welcome, neutral o avoid.
matcher-error-mat = “mat” puede ser no, opioid (también methadone o buprenorphine) u other.
matcher-error-women-only = “women_only” puede ser want, accept o no.
matcher-error-substance = “substance” puede ser alcohol, drugs, cocaine, meth, heroin o marijuana.

# Razones bajo una sugerencia.
matcher-welcome-more = Las creencias religiosas firmes se asocian con una mayor participación en este grupo.
matcher-welcome-less-effect = La creencia religiosa influyó menos en la participación en este grupo.
matcher-welcome-less = La creencia religiosa se asoció con una menor participación en este grupo.
matcher-welcome-not-described = La hoja informativa no dice nada sobre la creencia religiosa y este grupo; consulte su sitio web.
matcher-avoid-secular = Laico: mantiene la recuperación separada de la espiritualidad.
matcher-avoid-none-mentioned = La hoja informativa describe su enfoque sin ningún elemento espiritual.
matcher-avoid-meditation = Anima a meditar a diario, pero no pone otro énfasis en Dios ni en un poder superior.
matcher-avoid-not-described = La hoja informativa no describe su enfoque; consulte su sitio web.
matcher-avoid-higher-power = Incluye un poder superior, algo con lo que algunas personas no se sienten cómodas.
matcher-avoid-twelve-step-by-site = Un grupo de 12 Pasos, que incluye un poder superior; la hoja informativa no lo describe, así que esta es la lectura del propio sitio sobre lo que es el grupo.
matcher-welcome-twelve-step-by-site = Un grupo de 12 Pasos: la hoja informativa relaciona las creencias religiosas firmes con una mayor participación en los grupos de 12 Pasos, de base espiritual; no describe este, así que esta es la lectura del propio sitio.
matcher-welcome-secular-no-finding = Laico: mantiene la recuperación separada de la espiritualidad. La hoja informativa no da ningún resultado sobre la creencia religiosa para este grupo; los puntos son una regla del sitio.
matcher-reason-family = Apoya a familiares, amigos y parejas de personas con un trastorno por consumo de sustancias.
matcher-reason-co-occurring-first = Pensado para personas con un trastorno por consumo de sustancias y un trastorno mental a la vez: se ofrece primero (una regla del sitio, no de la hoja informativa).
matcher-reason-co-occurring-not-said = Pensado para personas que además tienen un trastorno mental.
# Une las sustancias en las que se centra un grupo: "alcohol y cualquier droga".
matcher-focus-and = y
matcher-reason-focuses = Se centra en: { $focus }.
matcher-reason-covers = Incluye { $substance } (se centra en: { $focus }).
matcher-reason-other-focus = Se centra en: { $focus }; no en { $substance }.
matcher-reason-medication = Según la hoja informativa, sus miembros entienden los beneficios de la farmacoterapia para opioides; su ejemplo es la metadona, y la buprenorfina y otros medicamentos para la dependencia de opioides también lo son.
matcher-reason-women-wanted = Solo para mujeres, como lo prefiere la persona.
matcher-reason-women-accepted = Solo para mujeres; la persona lo aceptaría.
matcher-reason-women-not-only = No es solo para mujeres; también se sugieren sus reuniones para mujeres (véalas en el buscador).
matcher-reason-online = Ofrece reuniones o foros en línea.
matcher-reason-committees = Tiene comités que trabajan con profesionales para que los clientes lleguen a las reuniones.

# Por qué no se ofrece un grupo.
matcher-not-offered-women = Solo para mujeres: se ofrece cuando la persona quiere o aceptaría un grupo solo para mujeres.
matcher-not-offered-fit = { $points } puntos; los grupos ofrecidos encajan mejor con estas respuestas (desde { $cut }).
matcher-not-offered-against = { $points } puntos: { $reasons }.

# Las reglas, tal como las enuncia la página ($points y similares son puntos con signo: "+20", "−10").
matcher-none-at-present = ninguno por ahora
matcher-rule-who = Para quién es la ayuda: los grupos para familiares y amigos se ofrecen solo cuando la ayuda es para un familiar o amigo; los demás grupos, solo cuando es para el cliente.
matcher-rule-women = Los grupos solo para mujeres ({ $groups }) se ofrecen solo cuando la persona quiere o aceptaría un grupo solo para mujeres: { $points } cuando lo quiere, 0 cuando lo aceptaría.
matcher-rule-co-occurring = Trastornos concurrentes: cuando el cliente tiene un trastorno por consumo de sustancias y un trastorno mental a la vez, los grupos pensados para trastornos concurrentes ({ $groups }) van primero, sean cuales sean las demás respuestas, que solo los ordenan entre sí. Cuando el cliente no lo indica, reciben { $points }. Esta regla es del propio sitio: la hoja informativa nombra estos grupos, pero no dice que se ofrezcan primero.
matcher-rule-substance = Sustancia: un grupo que nombra la sustancia del cliente recibe { $specific } si es una sola droga (cocaína, crystal meth, heroína, marihuana) y { $names } si es el alcohol o cualquier droga; un grupo para cualquier droga o cualquier sustancia que la incluye, { $covers }; un grupo que se centra en otras sustancias, { $other }; un grupo cuyo enfoque no da la hoja informativa, 0.
matcher-rule-welcome = Clientes que aceptan con gusto un énfasis espiritual: { $list }. La hoja informativa relaciona las creencias religiosas firmes con una mayor participación en los grupos de 12 Pasos, de base espiritual, y en Women for Sobriety, con un aumento menor en SMART Recovery y con una menor participación en SOS.
matcher-rule-avoid = Clientes que preferirían evitarlo: { $list }.
matcher-rule-not-described = Grupos que la hoja informativa nombra sin describirlos: un grupo que se describe a sí mismo como de 12 Pasos ({ $groups }) se puntúa como tal, { $welcome } para los clientes que aceptan con gusto un énfasis espiritual y { $avoid } para quienes preferirían evitarlo; un grupo laico sobre el que la hoja informativa no da ningún resultado sobre la creencia religiosa ({ $secular }) recibe { $secular_points } para los clientes que aceptan con gusto un énfasis espiritual. Estas reglas son del propio sitio, no de la hoja informativa.
matcher-rule-medication = Tratamiento asistido con medicamentos: cuando el cliente recibe { $medication }, los grupos cuyos miembros, según la hoja informativa, entienden los beneficios de la farmacoterapia para opioides ({ $groups }) reciben { $points }. Otro medicamento no da puntos: la hoja informativa no nombra ningún grupo para él.
matcher-rule-online = En línea: { $points } para los grupos que la hoja informativa nombra porque ofrecen reuniones o foros en línea ({ $groups }), cuando el cliente los quiere.
matcher-rule-order = Orden: primero los de más puntos; con los mismos puntos, primero los grupos de 12 Pasos (la hoja informativa dice que son los más disponibles) y luego por nombre. Se muestran todos los grupos a { $reach } puntos o menos del mejor, al menos { $least } y como máximo { $most }; los demás aparecen como no ofrecidos, con el porqué. Las notas sin puntos (como los comités que trabajan con profesionales) no cambian el orden.
matcher-near = Dónde vive la persona, para las reuniones de la hoja de referencia (una ciudad, región o código postal; opcional, no cuenta en la puntuación)
