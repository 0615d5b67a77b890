import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import "./globals.css";

const inter = localFont({ src: "./fonts/inter-latin-wght.woff2", variable: "--font-inter", display: "swap", weight: "100 900" });

export const metadata: Metadata = {
  title: { default: "TheraTrack", template: "%s · TheraTrack" },
  description: "Therapy aide sessions, supervision and scheduling for therapy clinics.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b6e72" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh antialiased">
        <noscript>
          <p className="border-b border-border bg-info-soft px-5 py-3 text-center text-base">TheraTrack needs JavaScript turned on.</p>
        </noscript>
        {children}
      </body>
    </html>
  );
}
