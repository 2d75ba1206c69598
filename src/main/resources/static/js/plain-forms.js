// A form that can carry files is sent as a plain form when none is chosen: a text over
// the size limit then comes back on Tandem's page to copy, which a form with files,
// read by the server before Tandem sees it, cannot give back.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form.enctype !== 'multipart/form-data') {
    return;
  }
  const chosen = Array.from(form.querySelectorAll('input[type=file]')).some((input) => input.files.length > 0);
  if (!chosen) {
    form.enctype = 'application/x-www-form-urlencoded';
  }
});
