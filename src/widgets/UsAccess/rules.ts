/**
 * The US access rules as data: the eligible contract participant (ECP) thresholds, what each kind of
 * product means for a retail person and for an ECP, and the source and "as of" date of every statement.
 * Facts come from the course's fact check (facts.md, claims 1–5 and 9 and its decision tree); change
 * them here, never in the view. rulesSchema.ts checks them at build time and in the tests.
 */
import type { Rules, SourceRef } from './rulesSchema.ts';

export type { SourceRef, Verdict, Statement, Product, Rules, FindingId } from './rulesSchema.ts';

const CHECKED = '2026-12-02';

const STATUTE: SourceRef = {
  title: '7 U.S.C. 1a(18): eligible contract participant',
  publisher: 'Legal Information Institute, Cornell Law School',
  url: 'https://www.law.cornell.edu/uscode/text/7/1a',
  date: '2010-07-21',
};
const KRAKEN_ECP: SourceRef = {
  title: 'Margin trading and Eligible Contract Participant (ECP) self-certification for U.S. clients',
  publisher: 'Kraken Support',
  url: 'https://support.kraken.com/hc/en-us/articles/360061972272-Margin-trading-and-Eligible-Contract-Participant-ECP-self-certification-for-U-S-clients',
  date: '2021-06-23',
};
const CFTC_RETAIL: SourceRef = {
  title: 'CFTC press release 6673-13 on retail commodity transactions',
  publisher: 'Commodity Futures Trading Commission',
  url: 'https://www.cftc.gov/PressRoom/PressReleases/6673-13',
  date: '2013-08-23',
};
const CFTC_PERP: SourceRef = {
  title: 'CFTC press release 9242-26: first bitcoin perpetual on a registered exchange',
  publisher: 'Commodity Futures Trading Commission',
  url: 'https://www.cftc.gov/PressRoom/PressReleases/9242-26',
  date: '2026-05-29',
};
const PILLSBURY: SourceRef = {
  title: 'CFTC-regulated perpetual-style BTC and ETH futures',
  publisher: 'Pillsbury Winthrop Shaw Pittman',
  url: 'https://www.pillsburylaw.com/en/news-and-insights/cftc-perpetual-futures-btc-eth-crypto-derivatives.html',
  date: '2025-06-26',
};
const DECHERT: SourceRef = {
  title: 'Addendum on perpetual contracts (CME v. CFTC)',
  publisher: 'Dechert',
  url: 'https://www.dechert.com/knowledge/onpoint/2026/6/addendum-to-perpetual-contracts.html',
  date: '2026-06-18',
};
const MOFO_SPOT: SourceRef = {
  title: 'CFTC announces launch of first leveraged spot cryptocurrency',
  publisher: 'Morrison Foerster',
  url: 'https://www.mofo.com/resources/insights/251210-cftc-announces-launch-of-first-leveraged-spot-cryptocurrency',
  date: '2025-12-10',
};
const JOINT_STATEMENT: SourceRef = {
  title: 'Staff of CFTC and SEC issue joint statement on certain crypto asset products',
  publisher: 'Morgan Lewis',
  url: 'https://www.morganlewis.com/pubs/2025/09/staff-of-cftc-and-sec-issue-joint-statement-on-certain-crypto-asset-products',
  date: '2025-09-02',
};
const STUMP_KRAKEN: SourceRef = {
  title: 'Concurring statement on the Kraken (Payward Ventures) settlement',
  publisher: 'Commodity Futures Trading Commission',
  url: 'https://cftc.gov/node/238316',
  date: '2021-09-28',
};
const OKX_PLEA: SourceRef = {
  title: 'OKX operator pleads guilty over US customers',
  publisher: 'Claims Journal (Bloomberg)',
  url: 'https://claimsjournal.com/news/national/2025/02/25/329137.htm',
  date: '2025-02-25',
};
const FBOT_ADVISORY: SourceRef = {
  title: 'CFTC staff advisory on foreign board of trade registration',
  publisher: 'Sidley Austin',
  url: 'https://www.sidley.com/zh-hans/insights/newsupdates/2025/09/us-cftc-staff-issues-advisory-on-foreign-boards-of-trade-registration-clarifying-access-for-offshore',
  date: '2025-08-28',
};
const TROUTMAN: SourceRef = {
  title: 'CFTC clears a path for onshore crypto perpetual futures',
  publisher: 'Troutman Pepper Locke',
  url: 'https://www.troutmanfinancialservices.com/2026/06/cftc-clears-a-path-for-onshore-crypto-perpetual-futures/',
  date: '2026-05-29',
};

const SEC_ETP: SourceRef = {
  title: 'Statement on the approval of spot bitcoin exchange-traded products',
  publisher: 'US Securities and Exchange Commission (Chair Gary Gensler)',
  url: 'https://www.sec.gov/news/statement/gensler-statement-spot-bitcoin-011023',
  date: '2024-01-10',
};
const REG_T: SourceRef = {
  title: '12 CFR 220.12, Regulation T supplement: margin requirements (50 % of current market value)',
  publisher: 'Electronic Code of Federal Regulations',
  url: 'https://www.ecfr.gov/current/title-12/chapter-II/subchapter-A/part-220/section-220.12',
  date: '2026-12-02',
};
const FINRA_4210: SourceRef = {
  title: 'FINRA Rule 4210, margin requirements (maintenance margin)',
  publisher: 'FINRA',
  url: 'https://www.finra.org/rules-guidance/rulebooks/finra-rules/4210',
  date: '2026-12-02',
};
const IBIT_OPTIONS: SourceRef = {
  title: 'Nasdaq ISE notice on bitcoin options, listing options on spot bitcoin ETFs including IBIT',
  publisher: 'Federal Register (Securities and Exchange Commission)',
  url: 'https://www.govinfo.gov/content/pkg/FR-2024-12-02/html/2024-28114.htm',
  date: '2024-11-25',
};
const SEC_LEVERAGED_ETF: SourceRef = {
  title: 'Leveraged and inverse ETFs: specialized products with extra risks for buy-and-hold investors',
  publisher: 'US Securities and Exchange Commission and FINRA',
  url: 'https://www.sec.gov/investor/pubs/leveragedetfs-alert.htm',
  date: '2009-08-18',
};

const RAW: Rules = {
  checkedOn: CHECKED,
  thresholds: {
    individual: '10000000',
    individualHedging: '5000000',
    entityAssets: '10000000',
    entityHedgingNetWorth: '1000000',
  },
  findings: {
    'individual-over': {
      text: 'You are likely an eligible contract participant (ECP): an individual qualifies with more than $10 million invested on a discretionary basis. That counts investments you control, not your home or your total net worth.',
      sources: [STATUTE, KRAKEN_ECP],
      asOf: CHECKED,
    },
    'individual-hedging': {
      text: 'You are likely an eligible contract participant (ECP): an individual with more than $5 million invested on a discretionary basis qualifies when the trade manages the risk of an asset they own or a liability they have, or are reasonably likely to.',
      sources: [STATUTE, KRAKEN_ECP],
      asOf: CHECKED,
    },
    'individual-not': {
      text: 'You are not an eligible contract participant (ECP), so US law treats you as a retail customer. An individual needs more than $10 million invested on a discretionary basis, or more than $5 million when the trade hedges a risk of their own.',
      sources: [STATUTE, KRAKEN_ECP],
      asOf: CHECKED,
    },
    'entity-assets': {
      text: 'The entity is likely an eligible contract participant (ECP): a corporation, partnership, trust or similar entity with total assets of more than $10 million qualifies. The entity tests were not fully checked by this course, so confirm them with a lawyer.',
      sources: [STATUTE],
      asOf: CHECKED,
    },
    'entity-maybe': {
      text: 'The entity may be an eligible contract participant (ECP): one with a net worth of more than $1 million that trades to hedge risks of its business can qualify. This tool does not ask for net worth, which is at most the total assets, so check it. The entity tests were not fully checked by this course (the statute’s entity prongs are longer than this summary), so confirm them with a lawyer.',
      sources: [STATUTE],
      asOf: CHECKED,
    },
    'entity-not': {
      text: 'The entity is probably not an eligible contract participant (ECP): its total assets are not above $10 million, and it either does not hedge or cannot have a net worth above $1 million. Regulated institutions such as banks, broker-dealers and insurers qualify on other grounds. The entity tests were not fully checked by this course, so confirm them with a lawyer.',
      sources: [STATUTE],
      asOf: CHECKED,
    },
    'not-us': {
      text: 'These answers cover US rules only. Outside the US, the rules of your own country apply, and this tool cannot say what they allow.',
      sources: [CFTC_RETAIL],
      asOf: CHECKED,
    },
    unknown: {
      text: 'Most people are not eligible contract participants (ECPs), so the list below shows what a US retail customer can use. Answer the questions to check your own case.',
      sources: [STATUTE],
      asOf: CHECKED,
    },
  },
  products: [
    {
      id: 'dcm-futures',
      title: 'Futures and perpetual-style contracts on a CFTC-registered exchange, through a registered broker (FCM)',
      short: 'futures and perpetuals on registered exchanges',
      retail: {
        verdict: 'allowed',
        text: 'Open to US retail customers. Leverage comes from the margin set by the exchange’s clearinghouse and your broker, not from one legal cap. Perpetual-style futures have listed since July 2025, and the first true bitcoin perpetual was approved on 29 May 2026; CME is challenging that approval in court.',
        sources: [CFTC_PERP, PILLSBURY, DECHERT],
        asOf: CHECKED,
      },
      ecp: {
        verdict: 'allowed',
        text: 'Open to you, as to every US customer. Leverage comes from the margin set by the exchange’s clearinghouse and your broker, not from one legal cap. The first true bitcoin perpetual was approved on 29 May 2026; CME is challenging that approval in court.',
        sources: [CFTC_PERP, PILLSBURY, DECHERT],
        asOf: CHECKED,
      },
    },
    {
      id: 'listed-spot',
      title: 'Leveraged spot crypto listed on a registered exchange',
      short: 'listed leveraged spot',
      retail: {
        verdict: 'allowed',
        text: 'Open to US retail customers since December 2025, when leveraged spot crypto first listed on a CFTC-registered exchange (Bitnomial). Regulators’ staff said in September 2025 that current law does not stop registered exchanges from listing it.',
        sources: [MOFO_SPOT, JOINT_STATEMENT],
        asOf: CHECKED,
      },
      ecp: {
        verdict: 'allowed',
        text: 'Open to you, as to every US customer, since December 2025, when leveraged spot crypto first listed on a CFTC-registered exchange (Bitnomial).',
        sources: [MOFO_SPOT, JOINT_STATEMENT],
        asOf: CHECKED,
      },
    },
    {
      id: 'securities-route',
      title:
        'Through a securities broker: margin on spot bitcoin ETPs, options on them, and leveraged ETFs (SEC and FINRA rules, not CFTC)',
      short: 'margin and options on bitcoin ETPs',
      retail: {
        verdict: 'allowed',
        text: 'Open to US retail customers with a broker’s margin or options approval. Spot bitcoin exchange-traded products have listed since the SEC approved them on 10 January 2024. Buying them on margin needs at least 50 % down under Regulation T (about 2x at purchase), and FINRA requires at least 25 % equity after that; brokers often ask for more. Options on spot bitcoin ETPs list too (options on IBIT were approved in September 2024), and leveraged ETFs reset their leverage daily, so they drift from the multiple over longer periods.',
        sources: [SEC_ETP, REG_T, FINRA_4210, IBIT_OPTIONS, SEC_LEVERAGED_ETF],
        asOf: CHECKED,
      },
      ecp: {
        verdict: 'allowed',
        text: 'Open to you, as to every US customer with a securities broker’s margin or options approval: margin on spot bitcoin ETPs (at least 50 % down under Regulation T, about 2x; at least 25 % equity after that under FINRA rules), options on them, and leveraged ETFs.',
        sources: [SEC_ETP, REG_T, FINRA_4210, IBIT_OPTIONS, SEC_LEVERAGED_ETF],
        asOf: CHECKED,
      },
    },
    {
      id: 'off-exchange-margin',
      title: 'Spot margin from a platform that keeps your coins, off a registered exchange',
      short: 'off-exchange spot margin',
      retail: {
        verdict: 'ecp-only',
        text: 'Not for retail customers. Leveraged crypto offered to a non-ECP must trade on a registered exchange unless the coins are truly delivered to you within 28 days. Kraken was fined $1.25 million in 2021 for offering such margin, and now asks US clients to certify they are ECPs first.',
        sources: [CFTC_RETAIL, STUMP_KRAKEN, KRAKEN_ECP],
        asOf: CHECKED,
      },
      ecp: {
        verdict: 'allowed',
        text: 'Open to ECPs, for example Kraken spot margin (up to 5x, depending on the pair) after you certify that you are one. Retail protections do not apply, so read the terms closely.',
        sources: [KRAKEN_ECP, CFTC_RETAIL],
        asOf: CHECKED,
      },
    },
    {
      id: 'offshore',
      title:
        'Offshore exchanges and DeFi perpetuals (Binance, Bybit, OKX, Deribit, Coinbase International, Hyperliquid)',
      short: 'offshore venues',
      retail: {
        verdict: 'not-allowed',
        text: 'Closed to you. Their terms exclude US persons, and using a VPN breaks them. Venues that served US customers without registering have faced criminal and civil cases; OKX’s operator pleaded guilty in February 2025. The lawful exceptions are a venue registered as a foreign board of trade, or institutional access through a US broker.',
        sources: [OKX_PLEA, FBOT_ADVISORY],
        asOf: CHECKED,
      },
      ecp: {
        verdict: 'depends',
        text: 'Still closed to US persons in general: being an ECP does not change a venue’s terms. Narrow routes exist for institutions, such as a venue registered as a foreign board of trade, or access to foreign-listed perpetuals through a US broker under CFTC staff relief of May 2026.',
        sources: [FBOT_ADVISORY, TROUTMAN, OKX_PLEA],
        asOf: CHECKED,
      },
    },
  ],
  disclaimer:
    'General education about US rules as the course found them, not legal advice. Rules in this area change often; check with a lawyer before you rely on any of it.',
};

/** The rules; `rulesSchema.parse(rules)` runs in the build (tool page) and the unit tests. */
export const rules: Rules = RAW;
