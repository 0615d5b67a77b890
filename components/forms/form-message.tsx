import { Alert } from "@/components/ui/alert";

export type FormStatus = { tone: "success" | "danger"; text: string } | null;

export function FormMessage({ status }: { status: FormStatus }) {
  if (!status) return null;
  return (
    <Alert tone={status.tone} data-testid="form-message">
      {status.text}
    </Alert>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-danger">
      {message}
    </p>
  );
}
