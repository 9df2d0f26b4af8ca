"use client";

import { Alert, Code, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslations } from "next-intl";
import type { UrlProblem } from "@/lib/client/describe-url-problems";

/**
 * Says which parameters of the address the page could not use, with their values and what it
 * shows instead (see lib/client/describe-url-problems.ts). `windowLabel` names the time window
 * in force, for problems whose fallback is the window.
 */
export function UrlProblemsAlert({ problems, windowLabel, onClose }: { problems: readonly UrlProblem[]; windowLabel?: string | null; onClose?: () => void }) {
  const t = useTranslations("urlProblems");
  if (problems.length === 0) return null;
  const instead = (problem: UrlProblem): string => {
    switch (problem.instead.kind) {
      case "window":
        return t("instead.window", { window: windowLabel ?? t("instead.defaultWindow") });
      case "ignored":
        return t("instead.ignored");
      case "value":
        return t("instead.value", { param: problem.param, value: problem.instead.value });
      case "capped":
        return t("instead.capped", { value: problem.instead.value });
    }
  };
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t("title")} withCloseButton={!!onClose} onClose={onClose} closeButtonLabel={t("dismiss")} mb="md" data-testid="url-problems">
      <List size="sm" spacing={4}>
        {problems.map((problem, index) => (
          <List.Item key={`${problem.param}:${index}`}>
            <Text span size="sm" style={{ overflowWrap: "anywhere" }}>
              <Code>
                {problem.param}={problem.value}
              </Code>{" "}
              {t(`reason.${problem.reason}`, { choices: problem.choices ?? "" })} {instead(problem)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
