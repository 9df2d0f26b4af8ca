"use client";

import { Select, type SelectProps } from "@mantine/core";
import { useTranslations } from "next-intl";
import { roles, type Role } from "@/lib/auth/roles";

/** Viewer, editor or admin, named in the reader's language; never empty. */
export function RoleSelect({ value, onChange, ...props }: Omit<SelectProps, "data" | "value" | "onChange" | "allowDeselect"> & { value: Role; onChange: (role: Role) => void }) {
  const roleWords = useTranslations("auth.roles");
  return (
    <Select
      {...props}
      data={roles.map((role) => ({ value: role, label: roleWords(role) }))}
      value={value}
      allowDeselect={false}
      onChange={(picked) => {
        const role = roles.find((candidate) => candidate === picked);
        if (role) onChange(role);
      }}
    />
  );
}
