// The request form's course picker: typing filters the sections and activities by name,
// with or without accents ("presentation" finds "Présentation").
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
document.querySelectorAll('input[data-filter]').forEach((input) => {
  const list = document.getElementById(input.dataset.filter);
  const none = document.getElementById('parts-none');
  input.addEventListener('input', () => {
    const query = fold(input.value.trim());
    let shown = 0;
    list.querySelectorAll('.tandem-part-section').forEach((section) => {
      const sectionMatches = fold(section.dataset.name).includes(query);
      let modulesShown = 0;
      section.querySelectorAll('li').forEach((module) => {
        const visible = !query || sectionMatches || fold(module.dataset.name).includes(query);
        module.hidden = !visible;
        modulesShown += visible ? 1 : 0;
      });
      section.hidden = query !== '' && !sectionMatches && modulesShown === 0;
      shown += section.hidden ? 0 : 1;
    });
    none.classList.toggle('d-none', shown > 0);
  });
});
