//! What a refused form shows, the same on every form: a summary at the top that takes
//! the focus when the page arrives (a screen reader starts there, not at the page's
//! top) and names, for each problem, the control and what is wrong with it
//! ("<label>: <message>", a link to the control); and beside each control at fault,
//! its message, tied to it by `aria-describedby`, with `aria-invalid` on the control
//! (an input, a select, a textarea or the fieldset of a group of boxes).
//!
//! The focus needs no script: the summary's first link carries `autofocus` (a global
//! attribute, honoured on any focusable element), so it works under the pages'
//! `script-src 'self'` and with scripts off.

use maud::{html, Markup};

use crate::i18n::Locale;
use crate::messages::{t, Msg};

/// The id of the summary, for a link that brings the reader back to it.
pub const SUMMARY_ID: &str = "form-errors";

/// One thing wrong with a form.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The control it is about (its `id`) and that control's label, as the form
    /// shows it; `None` when it is about the form as a whole.
    pub at: Option<(String, String)>,
    pub message: String,
}

/// A control of a form as the API's refusals name it: the input's name in the API
/// (`extensions.field`: `monthlyCapacity`, `reason`), the control's `id` and its label.
#[derive(Debug, Clone, Copy)]
pub struct Control<'a> {
    pub field: &'a str,
    pub id: &'a str,
    pub label: Msg,
}

/// Everything wrong with a form, in the order the summary lists it.
#[derive(Debug, Clone, Default)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// A problem with the control `id`, labelled `label` on the form.
    pub fn at(
        &mut self,
        id: impl Into<String>,
        label: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.0.push(Problem {
            at: Some((id.into(), label.into())),
            message: message.into(),
        });
    }

    /// A problem with the form as a whole.
    pub fn whole(&mut self, message: impl Into<String>) {
        self.0.push(Problem {
            at: None,
            message: message.into(),
        });
    }

    /// The API's refusal of a form with `controls`: at the control its `field` names
    /// when the form has one, else at `form` (the form's own id and title, for a page
    /// of several forms), else about the form as a whole.
    pub fn refusal(
        l: Locale,
        field: Option<&str>,
        message: String,
        controls: &[Control<'_>],
        form: Option<(&str, Msg)>,
    ) -> Problems {
        let mut problems = Problems::default();
        let control = field.and_then(|f| controls.iter().find(|c| c.field == f));
        match (control, form) {
            (Some(c), _) => problems.at(c.id, t(l, c.label), message),
            (None, Some((id, title))) => problems.at(id, t(l, title), message),
            (None, None) => problems.whole(message),
        }
        problems
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The summary at the top of the page, headed `title` ("The referral was not
    /// created:"), or nothing when the form is fine. The first link takes the focus;
    /// with no link, the heading does.
    pub fn summary(&self, l: Locale, title: Msg) -> Markup {
        if self.0.is_empty() {
            return html! {};
        }
        let linked = self.0.iter().any(|p| p.at.is_some());
        let mut first = true;
        html! {
            section.notice.error.error-summary id=(SUMMARY_ID) tabindex="-1" aria-labelledby="form-errors-title" {
                h2 #form-errors-title tabindex=[(!linked).then_some("-1")] autofocus[!linked] {
                    (t(l, title))
                }
                ul {
                    @for problem in &self.0 {
                        li {
                            @match &problem.at {
                                Some((id, label)) => {
                                    @let focus = std::mem::take(&mut first);
                                    a href={ "#" (id) } autofocus[focus] { (label) ": " (problem.message) }
                                }
                                None => (problem.message),
                            }
                        }
                    }
                }
            }
        }
    }

    /// What the control `id` needs: `aria-invalid`, the id of its message and the
    /// message itself, when something is wrong with it.
    pub fn mark(&self, id: &str) -> Mark {
        let messages: Vec<&str> = self
            .0
            .iter()
            .filter(|p| p.at.as_ref().is_some_and(|(at, _)| at == id))
            .map(|p| p.message.as_str())
            .collect();
        Mark {
            error_id: (!messages.is_empty()).then(|| format!("{id}-error")),
            message: messages.join(" "),
        }
    }
}

/// The attributes and the message a control at fault carries (empty when it is fine).
#[derive(Debug, Clone, Default)]
pub struct Mark {
    error_id: Option<String>,
    message: String,
}

impl Mark {
    /// `aria-invalid`'s value: `"true"` when the control is at fault.
    pub fn invalid(&self) -> Option<&'static str> {
        self.error_id.as_ref().map(|_| "true")
    }

    /// `aria-describedby`: the control's own hint (if any), then its message.
    pub fn described_by(&self, hint: Option<&str>) -> Option<String> {
        match (hint, &self.error_id) {
            (Some(hint), Some(error)) => Some(format!("{hint} {error}")),
            (Some(hint), None) => Some(hint.to_string()),
            (None, error) => error.clone(),
        }
    }

    /// The message under the control, or nothing.
    pub fn message(&self) -> Markup {
        html! {
            @if let Some(id) = &self.error_id {
                p.field-error id=(id) { (self.message) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_each_control_and_its_first_link_takes_the_focus() {
        let mut problems = Problems::default();
        problems.at("f-sex", "الجنس", "اختر قيمة من القائمة.");
        problems.at("f-ageBand", "الفئة العمرية", "اختر قيمة من القائمة.");
        problems.whole("تعذّر الحفظ.");
        let html = problems
            .summary(Locale::Ar, Msg::FormHasErrors)
            .into_string();
        assert!(
            html.contains(r##"<a href="#f-sex" autofocus>الجنس: اختر قيمة من القائمة.</a>"##),
            "{html}"
        );
        assert!(
            html.contains(r##"<a href="#f-ageBand">الفئة العمرية: "##),
            "{html}"
        );
        assert_eq!(html.matches("autofocus").count(), 1, "{html}");
        assert!(html.contains("<li>تعذّر الحفظ.</li>"), "{html}");
    }

    #[test]
    fn without_a_control_to_link_to_the_heading_takes_the_focus() {
        let mut problems = Problems::default();
        problems.whole("تعذّر الحفظ.");
        let html = problems
            .summary(Locale::Ar, Msg::ActionFailed)
            .into_string();
        assert!(
            html.contains(r#"<h2 id="form-errors-title" tabindex="-1" autofocus>"#),
            "{html}"
        );
        assert!(Problems::default()
            .summary(Locale::Ar, Msg::ActionFailed)
            .into_string()
            .is_empty());
    }

    #[test]
    fn a_control_at_fault_is_marked_and_described_by_its_hint_and_message() {
        let mut problems = Problems::default();
        problems.at("f-sex", "الجنس", "اختر قيمة من القائمة.");
        let mark = problems.mark("f-sex");
        assert_eq!(mark.invalid(), Some("true"));
        assert_eq!(
            mark.described_by(Some("f-sex-hint")).as_deref(),
            Some("f-sex-hint f-sex-error")
        );
        assert!(mark
            .message()
            .into_string()
            .contains(r#"<p class="field-error" id="f-sex-error">"#));
        let fine = problems.mark("f-district");
        assert_eq!(fine.invalid(), None);
        assert_eq!(fine.described_by(None), None);
        assert_eq!(fine.described_by(Some("h")).as_deref(), Some("h"));
        assert!(fine.message().into_string().is_empty());
    }
}
