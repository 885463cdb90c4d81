// The import page works without JavaScript: the admin pastes the CSV. With it, they may also
// choose a .csv file, read here into the same box, so the form still posts one text field (a
// multipart upload would reach Crier's CSRF check only after the check had run).
for (const wrapper of document.querySelectorAll('[data-csv-file]')) {
  const textarea = document.getElementById(wrapper.getAttribute('data-csv-file'));
  const input = wrapper.querySelector('input[type="file"]');
  if (!textarea || !input) continue;
  wrapper.hidden = false;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    textarea.value = await file.text();
    textarea.focus();
  });
}
