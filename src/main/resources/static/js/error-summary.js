// A form in error: its summary of mistakes takes focus, so that a person hears at once
// what to correct; each mistake's link moves focus to its field (the first box of a group
// of choices, whose id is not the field's name).
const summary = document.getElementById('form-errors');
if (summary) {
  summary.focus();
  summary.querySelectorAll('a[data-field]').forEach((link) => {
    link.addEventListener('click', (event) => {
      const name = link.dataset.field;
      const field = document.getElementById(name) || document.querySelector(`[name="${CSS.escape(name)}"]`);
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: 'center' });
      }
    });
  });
}
