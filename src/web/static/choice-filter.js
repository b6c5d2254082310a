// A search box over a long list of checkboxes (the municipalities of "área específica", the
// indicators grouped by topic). Enhancement only: without it the whole list is there. Ticked boxes
// stay ticked when hidden; a group with nothing to show is hidden with its heading.
(() => {
  const fold = (s) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  for (const box of document.querySelectorAll('[data-choice-filter]')) {
    const fieldsets = Array.from(box.querySelectorAll('fieldset'));
    const choices = Array.from(box.querySelectorAll('.choice'));
    if (fieldsets.length === 0 || choices.length === 0) continue;
    const wrap = document.createElement('div');
    wrap.className = 'form-group';
    const label = document.createElement('label');
    label.className = 'label';
    label.htmlFor = 'choice-filter-input';
    label.textContent = box.dataset.choiceFilter || '';
    const input = document.createElement('input');
    input.type = 'search';
    input.id = 'choice-filter-input';
    input.autocomplete = 'off';
    const status = document.createElement('p');
    status.className = 'hint';
    status.setAttribute('aria-live', 'polite');
    wrap.append(label, input, status);
    // One list: the box goes above its first choice. Several groups: above the first group.
    const first = fieldsets.length > 1 ? fieldsets[0].closest('.form-group') || fieldsets[0] : choices[0];
    first.parentNode.insertBefore(wrap, first);
    const groups = fieldsets.length > 1 ? fieldsets.map((f) => f.closest('.form-group') || f) : [];
    const texts = choices.map((c) => fold(c.textContent || ''));
    const update = () => {
      const q = fold(input.value.trim());
      let shown = 0;
      choices.forEach((c, i) => {
        const match = !q || texts[i].includes(q);
        c.style.display = match ? '' : 'none';
        if (match) shown++;
      });
      for (const g of groups) {
        const any = Array.from(g.querySelectorAll('.choice')).some((c) => c.style.display !== 'none');
        g.style.display = any ? '' : 'none';
      }
      status.textContent = (box.dataset.choiceFilterCount || '')
        .replace('{shown}', String(shown))
        .replace('{total}', String(choices.length));
    };
    input.addEventListener('input', update);
    // Enter in the search box must not submit the form.
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') e.preventDefault();
    });
  }
})();
