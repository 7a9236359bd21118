// Where the ALTCHA widget runs, it replaces the question in words: hide the question and let the
// form go without its answer (the server takes the widget's proof of work instead).
customElements.whenDefined("altcha-widget").then(() => {
  for (const block of document.querySelectorAll(".challenge")) {
    const question = block.querySelector(".challenge-question");
    if (question && block.querySelector("altcha-widget")) {
      question.hidden = true;
      question.querySelectorAll("input[required]").forEach((input) => input.removeAttribute("required"));
    }
  }
});
