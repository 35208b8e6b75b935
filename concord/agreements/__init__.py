"""Settlement agreements: drafted by the mediator, checked against the law, signed by each party
on their own device, then by the mediator, and sealed by the centre with a PAdES signature."""
