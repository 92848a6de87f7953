// The Swedish label of a code (code lists are Swedish only); the code itself while the list loads.
import { useCodeList } from "../api/queries";

export function useLabels(list: string): (code: string | null | undefined) => string {
  const codes = useCodeList(list).data ?? [];
  return (code) => (code ? (codes.find((c) => c.code === code)?.label ?? code) : "");
}
