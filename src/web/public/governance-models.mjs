// The sign-off rules page: choosing a governance model fills in the rules form at once, as
// "Use this model" does without JavaScript. Each model radio carries its rules in data-policy.
const models = document.querySelector('[data-crier-governance-models]');
const form = document.querySelector('[data-crier-policy-form]');

function fill(policy) {
  for (const [name, value] of Object.entries(policy)) {
    for (const input of form.querySelectorAll(`[name="${name}"]`)) {
      if (input.type === 'checkbox' || input.type === 'radio') {
        input.checked = Array.isArray(value) ? value.includes(input.value) : input.value === value;
      } else {
        input.value = value;
      }
    }
  }
}

if (models && form) {
  models.addEventListener('change', (event) => {
    const policy = event.target.getAttribute('data-policy');
    if (policy) fill(JSON.parse(policy));
  });
}
