// The demo course's edits are sent without leaving the page, as Moodle edits a course in
// place: a page reload would rebuild Tandem's frame and lose what it shows. Only the
// course panel is redrawn, from the course page the edit answers with. An edit Moodle
// would refuse (a blank name) is sent as a plain form, so its error page shows.
document.addEventListener('submit', async (event) => {
  const form = event.target.closest('form[data-demo-edit]');
  if (!form) {
    return;
  }
  event.preventDefault();
  try {
    const answer = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)) });
    if (!answer.ok) {
      throw new Error(answer.status);
    }
    const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
    document.getElementById('demo-panel').replaceWith(page.getElementById('demo-panel'));
  } catch (refused) {
    form.submit();
  }
});
