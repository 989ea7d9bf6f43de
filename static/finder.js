// The finder's small enhancements; without JavaScript the page works the same, less these.
// "Use my location": shown only when the browser can tell a position. Tapped, it asks the browser
// (the only time it is asked), puts "latitude,longitude" (rounded to about 100 m) in the place
// box and sends the form. Nothing is sent anywhere else, and nothing is kept.
// Back: a page the browser kept in memory shows its form as the page drew it, so the form
// always matches the list under it.
(function () {
  var form = document.querySelector("form.finder-form");
  if (!form) return;
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) form.reset();
  });
  var button = form.querySelector("[data-locate]");
  var near = form.querySelector("#near");
  var status = document.getElementById("locate-status");
  if (!button || !near || !status || !("geolocation" in navigator)) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = status.getAttribute("data-locating");
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (position) {
      near.value = position.coords.latitude.toFixed(3) + "," + position.coords.longitude.toFixed(3);
      status.textContent = status.getAttribute("data-located");
      form.submit();
    }, function () {
      button.disabled = false;
      status.textContent = status.getAttribute("data-denied");
      near.focus();
    }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
})();
