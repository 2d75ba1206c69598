// After a launch, go on to Tandem's page from this page itself, so that the browser
// marks the request as coming from Tandem (Sec-Fetch-Site: same-origin).
const next = document.getElementById('continue');
if (next) {
  window.location.replace(next.href);
}
