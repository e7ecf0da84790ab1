/** The May 2021 scenario, in its own module so the page loads it only when a reader picks it. */
import may2021 from '../../../content/scenarios/btc-2021-05.json' with { type: 'json' };

export default may2021;
