// The request form's course picker: typing filters the sections and activities by name.
document.querySelectorAll('input[data-filter]').forEach((input) => {
  const list = document.getElementById(input.dataset.filter);
  const none = document.getElementById('parts-none');
  input.addEventListener('input', () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    list.querySelectorAll('details').forEach((section) => {
      const sectionMatches = section.dataset.name.includes(query);
      let modulesShown = 0;
      section.querySelectorAll('li').forEach((module) => {
        const visible = !query || sectionMatches || module.dataset.name.includes(query);
        module.hidden = !visible;
        modulesShown += visible ? 1 : 0;
      });
      section.hidden = query !== '' && !sectionMatches && modulesShown === 0;
      section.open = section.open || (query !== '' && modulesShown > 0);
      shown += section.hidden ? 0 : 1;
    });
    none.classList.toggle('d-none', shown > 0);
  });
});
