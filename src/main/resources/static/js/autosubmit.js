// Platform pages post forms without a click, as Moodle's launch and auth pages do.
document.querySelectorAll('form[data-autosubmit]').forEach((form) => form.submit());
