import type { HandoutText } from "@/lib/handouts/schemas";

/** One language's text of a handout, large enough to read at arm's length (server component). */
export function HandoutTextView({
  text,
  lang,
  labels,
  headingLevel = 3,
}: {
  text: HandoutText;
  lang: string;
  labels: { steps: string; precautions: string; frequency: string };
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <div lang={lang} className="space-y-4 text-lg">
      <H className="text-2xl font-bold">{text.title}</H>
      <div>
        <Sub className="text-xl font-semibold">{labels.steps}</Sub>
        <ol className="mt-2 list-decimal space-y-2 pl-7">
          {text.steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </div>
      {text.precautions.length ? (
        <div>
          <Sub className="text-xl font-semibold">{labels.precautions}</Sub>
          <ul className="mt-2 list-disc space-y-2 pl-7">
            {text.precautions.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <Sub className="text-xl font-semibold">{labels.frequency}</Sub>
        <p className="mt-1">{text.frequency}</p>
      </div>
    </div>
  );
}
