//! cqrs-es's `Aggregate` for an aggregate whose rules are a pure `decide` (a command in,
//! its events or a refusal out) and whose state moves by `evolve`: `handle` appends
//! whatever `decide` returns, so the rules are read and tested without the event sink.

/// `aggregate!(Type, TYPE, Command, Event, Error)` implements `cqrs_es::Aggregate` for
/// `Type` from its inherent `decide(&self, Command) -> Result<Vec<Event>, Error>` and
/// `evolve(&mut self, Event)`.
macro_rules! aggregate {
    ($aggregate:ty, $type:expr, $command:ty, $event:ty, $error:ty) => {
        impl cqrs_es::Aggregate for $aggregate {
            const TYPE: &'static str = $type;
            type Command = $command;
            type Event = $event;
            type Error = $error;
            type Services = ();

            async fn handle(
                &mut self,
                command: $command,
                _: &(),
                sink: &cqrs_es::event_sink::EventSink<Self>,
            ) -> Result<(), $error> {
                for event in self.decide(command)? {
                    sink.write(event, self).await;
                }
                Ok(())
            }

            fn apply(&mut self, event: $event) {
                self.evolve(event)
            }
        }
    };
}

pub(crate) use aggregate;
