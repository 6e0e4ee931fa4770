import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SharedComparison } from "@/components/compare/shared-comparison";
import { formatShareDate } from "@/components/share/format-date";
import { SharedParameters } from "@/components/share/shared-parameters";
import { SharedTranscript } from "@/components/share/shared-transcript";
import { SharedUsage } from "@/components/share/shared-usage";
import { buttonVariants } from "@/components/ui/button";
import { getLocale, getTranslations } from "next-intl/server";
import type { Translator } from "@/lib/i18n";
import { getShareStore } from "@/lib/shares/db";
import { shareMarkdownForView } from "@/lib/shares/rendered-share";
import type { Share } from "@/lib/shares/share";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by the metadata and the page. */
const loadShare = cache((id: string) => getShareStore().getShare(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations();
  const share = await loadShare((await params).id);
  if (!share) return { title: `${t("sharePage.notFoundTitle")} – ${t("app.title")}` };
  const description = describe(t, share);
  return {
    title: `${share.title} – ${t("app.title")}`,
    description,
    // Share links are unlisted: whoever has one may read it, but search engines should not list it.
    robots: { index: false, follow: false },
    openGraph: {
      type: "article",
      siteName: t("app.title"),
      title: share.title,
      description,
      publishedTime: share.createdAt,
    },
    twitter: { card: "summary", title: share.title, description },
  };
}

export default async function SharePage({ params }: Props) {
  const t = await getTranslations();
  const locale = await getLocale();
  const { id } = await params;
  const share = await loadShare(id);
  if (!share) notFound();
  const { snapshot } = share;
  const markdown = await shareMarkdownForView(id, snapshot);
  const link = buttonVariants({ size: "sm" });

  return (
    <div className="mx-auto flex min-h-screen max-w-6xl flex-col gap-4 px-4 py-4">
      <header className="flex flex-wrap items-center gap-3">
        <Link href="/" className="text-lg font-semibold">
          {t("app.title")}
        </Link>
      </header>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold break-words">{share.title}</h1>
        <p className="text-sm text-muted">
          <time dateTime={share.createdAt}>
            {t("sharePage.sharedAt", { date: formatShareDate(share.createdAt, locale, { utc: true }) })}
          </time>
          {` · ${snapshot.parameters.model} · ${t("sharePage.messageCount", { n: snapshot.messages.length })}`}
        </p>
      </div>
      <nav className="flex flex-wrap items-center gap-2">
        <Link href={`/?share=${encodeURIComponent(id)}`} className={buttonVariants({ variant: "primary", size: "sm" })}>
          {t("sharePage.openInPlayground")}
        </Link>
        <span className="ml-2 text-xs text-muted">{t("sharePage.download")}</span>
        <a href={`/s/${id}/transcript.md`} download className={link}>
          {t("sharePage.downloadMarkdown")}
        </a>
        <a href={`/s/${id}/transcript.json`} download className={link}>
          {t("sharePage.downloadJson")}
        </a>
      </nav>
      {snapshot.comparison ? (
        <main>
          <SharedComparison comparison={snapshot.comparison} />
        </main>
      ) : (
        <main className="flex flex-col gap-4 lg:flex-row lg:items-start">
          <div className="min-w-0 flex-1">
            <SharedTranscript snapshot={snapshot} markdown={markdown} shareId={id} />
          </div>
          <aside className="flex w-full shrink-0 flex-col gap-4 lg:w-80">
            <SharedParameters parameters={snapshot.parameters} />
            <SharedUsage snapshot={snapshot} />
          </aside>
        </main>
      )}
    </div>
  );
}

function describe(t: Translator, { snapshot }: Share): string {
  const messages = t("sharePage.messageCount", { n: snapshot.messages.length });
  return t("sharePage.description", { model: snapshot.parameters.model, messages });
}
