// The finder's small enhancements; without JavaScript the page works the same, less these.
// "Use my location" (on the finder and the home page): shown only when the browser can tell a
// position. Tapped, it asks the browser (the only time it is asked), puts "latitude,longitude"
// (rounded to about 100 m) in the place box and sends the form. Nothing is sent anywhere else,
// and nothing is kept.
// Back: a finder page the browser kept in memory shows its form as the page drew it, so the form
// always matches the list under it.
(function () {
  var finder = document.querySelector("form.finder-form");
  if (finder) {
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) finder.reset();
    });
  }
  var button = document.querySelector("form [data-locate]");
  if (!button || !("geolocation" in navigator)) return;
  var form = button.form;
  var near = form.querySelector("#near");
  var status = document.getElementById("locate-status");
  if (!near || !status) return;
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
