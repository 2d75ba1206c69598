// A form that came back with mistakes: its first field in error takes the focus, so that
// the person is where the mistake is and hears it (the page's address also points at the
// form, for a browser without scripts).
document.querySelector('[aria-invalid="true"]')?.focus();
