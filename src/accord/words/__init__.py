"""The words accord says: the translated sentence for each refusal (`refusals`), the labels a
document's files carry (`documents`) and the words for a decision's outcome (`outcomes`).

Web pages, the API and the command line say the same things through this layer; the rules
below it carry data only, never a sentence."""
