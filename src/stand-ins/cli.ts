// Starts the local stand-ins for the offline demo on fixed ports: the group-robot receiver (WeCom / DingTalk / Feishu)
// and the credit provider. Not wired to a command here; the caller prints the URLs and calls stop() on shutdown.
import { type CreditProvider, startCreditProvider } from "./credit-provider.js";
import { type RobotReceiver, type RobotReceiverOptions, startRobotReceiver } from "./robot-receiver.js";

export const DEFAULT_ROBOT_PORT = 3901;
export const DEFAULT_CREDIT_PORT = 3902;
export const DEFAULT_CREDIT_API_KEY = "demo-credit-key";

export interface StandInsOptions {
  host?: string;
  robotPort?: number;
  creditPort?: number;
  creditApiKey?: string;
  robotSecrets?: RobotReceiverOptions["secrets"];
}

export interface StandIns {
  robots: RobotReceiver;
  credit: CreditProvider;
  robotUrl: string;
  creditUrl: string;
  creditApiKey: string;
  stop: () => Promise<void>;
}

export async function startStandIns(options: StandInsOptions = {}): Promise<StandIns> {
  const { host = "127.0.0.1", robotPort = DEFAULT_ROBOT_PORT, creditPort = DEFAULT_CREDIT_PORT, creditApiKey = DEFAULT_CREDIT_API_KEY } = options;
  const robots = await startRobotReceiver({ port: robotPort, host, secrets: options.robotSecrets });
  let credit: CreditProvider;
  try {
    credit = await startCreditProvider({ port: creditPort, host, apiKey: creditApiKey });
  } catch (error) {
    await robots.stop();
    throw error;
  }
  return {
    robots,
    credit,
    robotUrl: robots.url,
    creditUrl: credit.url,
    creditApiKey,
    stop: async () => {
      await Promise.all([robots.stop(), credit.stop()]);
    },
  };
}
