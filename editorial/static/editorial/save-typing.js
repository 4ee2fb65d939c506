// Nothing typed is lost when the editor saves right after typing.
//
// Draftail, Wagtail's rich text editor, writes what was typed into the form's hidden field
// only 250 ms after the last keystroke (its stateSaveInterval). "Entwurf speichern" clicked
// sooner, or an autosave starting then, sent the text as it was before: the new paragraph
// was saved empty although the editor showed it (issue 21). So every rich text editor of
// the form writes its current state before the form is sent: by hand (the submit event
// comes before the browser reads the fields) and by autosave (whose form data is taken
// before its event, so the fields are set in it again).
(() => {
  const richTextFields = (form) =>
    [...form.querySelectorAll("input")].filter((input) => input.draftailEditor);

  // What Draftail's own save writes (wagtail/admin draftail initEditor's onSave), now.
  const writeTyping = (form) => {
    const fields = richTextFields(form);
    fields.forEach((input) => {
      const raw = window.Draftail.serialiseEditorStateToRaw(input.draftailEditor.getEditorState());
      input.rawContentState = raw;
      input.value = JSON.stringify(raw);
    });
    return fields;
  };

  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement) writeTyping(event.target);
    },
    true,
  );

  document.addEventListener("w-autosave:save", (event) => {
    const form = event.target;
    const formData = event.detail && event.detail.formData;
    if (!(form instanceof HTMLFormElement) || !formData) return;
    writeTyping(form).forEach((input) => formData.set(input.name, input.value));
  });
})();
