import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { catalogues } from "./index";
import { LOCALE_COOKIE, negotiateLocale } from "./locales";

/** Each request's language: the reader's saved choice, else their browser's, else English. No locale in URLs. */
export default getRequestConfig(async () => {
  const locale = negotiateLocale({
    cookie: (await cookies()).get(LOCALE_COOKIE)?.value,
    acceptLanguage: (await headers()).get("accept-language"),
  });
  return { locale, messages: catalogues[locale] };
});
