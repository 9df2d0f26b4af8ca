"use client";

import { MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { QueryClientProvider } from "@tanstack/react-query";
import "dayjs/locale/zh-cn";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, useState, type ReactNode } from "react";
import { theme } from "@/components/theme";
import { dayjsLocales, type AppLocale } from "@/i18n/locales";
import { createQueryClient } from "@/lib/client/create-query-client";

/** Client-side providers. Messages come from NextIntlClientProvider in the root layout. */
export function Providers({ locale, children }: { locale: AppLocale; children: ReactNode }) {
  // One client per browser tab; created in state so a re-render never drops the cache.
  const [queryClient] = useState(createQueryClient);
  // Marks the document once the app has hydrated: pages arrive with their data server-rendered,
  // and end-to-end tests wait for this before acting on them (e2e/fixtures/test.ts).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="auto">
          <DatesProvider settings={{ locale: dayjsLocales[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>
        </MantineProvider>
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
