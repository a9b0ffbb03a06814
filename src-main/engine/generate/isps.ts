/** What an autonomous system mostly serves; hosting and VPN networks are where attackers rent machines. */
export type IspKind = 'residential' | 'mobile' | 'hosting' | 'vpn';

/** An internet provider: one ASN with the /16 prefixes its addresses are drawn from. */
export interface Isp {
  name: string;
  asn: number;
  /** Country of registration (residential and mobile users live there). */
  country: string;
  kind: IspKind;
  /** First two octets of each /16 the provider announces, e.g. "84.208". */
  prefixes: readonly string[];
  /** Market share within its country and kind. */
  weight: number;
  /** Hosting and VPN providers: the cities of their data centres (GeoNames names). */
  sites?: readonly string[];
}

type Row = [name: string, asn: number, country: string, kind: IspKind, prefixes: string, weight: number, sites?: string];

// Real ASNs with prefixes of the kind they announce (public space only, never RFC 1918 or CGNAT 100.64/10).
const rows: Row[] = [
  ['Telenor Norge', 2119, 'NO', 'residential', '84.208 84.210 88.88', 4],
  ['Altibox', 29695, 'NO', 'residential', '81.166 81.167 92.221', 4],
  ['NextGenTel', 15659, 'NO', 'residential', '84.48 80.202', 1],
  ['Telia Norge', 41164, 'NO', 'residential', '46.212 46.9', 2],
  ['Telenor Mobil', 2119, 'NO', 'mobile', '77.16 77.17', 5],
  ['Telia Norge Mobil', 41164, 'NO', 'mobile', '46.66 46.67', 3],
  ['Telia Sverige', 3301, 'SE', 'residential', '81.224 90.224', 4],
  ['Bahnhof', 8473, 'SE', 'residential', '83.233 213.80', 2],
  ['Tele2 Sverige', 1257, 'SE', 'mobile', '78.64 130.244', 3],
  ['TDC', 3292, 'DK', 'residential', '80.62 87.59', 3],
  ['Telenor Danmark', 9158, 'DK', 'mobile', '2.104 2.105', 2],
  ['Elisa', 719, 'FI', 'residential', '88.112 91.152', 3],
  ['DNA', 16086, 'FI', 'mobile', '87.92 62.78', 2],
  ['British Telecommunications', 2856, 'GB', 'residential', '86.128 81.129 109.144', 4],
  ['Virgin Media', 5089, 'GB', 'residential', '82.0 86.0 62.30', 3],
  ['Sky Broadband', 5607, 'GB', 'residential', '90.192 2.24', 2],
  ['EE', 12576, 'GB', 'mobile', '31.94 92.40', 3],
  ['Vodafone UK', 25135, 'GB', 'mobile', '82.132 85.255', 2],
  ['Eir', 5466, 'IE', 'residential', '86.40 83.71', 2],
  ['Vodafone Ireland', 15502, 'IE', 'mobile', '89.19 109.76', 2],
  ['Deutsche Telekom', 3320, 'DE', 'residential', '79.192 87.128 91.0 93.192', 5],
  ['Vodafone Deutschland', 3209, 'DE', 'residential', '88.64 94.134', 3],
  ['Telefonica Germany', 6805, 'DE', 'mobile', '176.0 82.113', 3],
  ['KPN', 1136, 'NL', 'residential', '77.160 84.104', 3],
  ['Ziggo', 9143, 'NL', 'residential', '84.24 217.120', 3],
  ['T-Mobile Netherlands', 31615, 'NL', 'mobile', '62.140 31.20', 2],
  ['Proximus', 5432, 'BE', 'residential', '81.240 91.180', 3],
  ['Orange', 3215, 'FR', 'residential', '90.0 86.192 92.184', 4],
  ['Free SAS', 12322, 'FR', 'residential', '82.64 88.160 78.192', 3],
  ['Bouygues Telecom', 5410, 'FR', 'mobile', '89.80 176.128', 3],
  ['Telefonica de Espana', 3352, 'ES', 'residential', '83.32 88.0', 3],
  ['Orange Espagne', 12479, 'ES', 'mobile', '90.160 83.48', 2],
  ['MEO', 3243, 'PT', 'residential', '85.240 89.152', 2],
  ['Telecom Italia', 3269, 'IT', 'residential', '79.0 93.32 87.0', 3],
  ['Vodafone Italia', 30722, 'IT', 'mobile', '5.90 5.91', 2],
  ['Swisscom', 3303, 'CH', 'residential', '85.0 178.192', 3],
  ['A1 Telekom Austria', 8447, 'AT', 'residential', '80.108 62.178', 2],
  ['Orange Polska', 5617, 'PL', 'residential', '83.0 83.24 31.60', 3],
  ['O2 Czech Republic', 5610, 'CZ', 'residential', '90.176 88.100', 2],
  ['RCS & RDS', 8708, 'RO', 'residential', '5.12 86.120 89.136', 2],
  ['Kyivstar', 15895, 'UA', 'residential', '46.211 176.36', 2],
  ['Rostelecom', 12389, 'RU', 'residential', '95.24 79.120 94.25', 3],
  ['MTS', 8359, 'RU', 'mobile', '217.118 91.77', 2],
  ['Turk Telekom', 9121, 'TR', 'residential', '78.160 85.96 88.224', 3],
  ['Bezeq International', 8551, 'IL', 'residential', '79.176 109.64', 2],
  ['TE Data', 8452, 'EG', 'residential', '41.32 156.192', 2],
  ['Etisalat', 5384, 'AE', 'residential', '94.200 2.48', 2],
  ['MTN Nigeria', 29465, 'NG', 'mobile', '102.88 105.112', 2],
  ['Safaricom', 33771, 'KE', 'mobile', '105.160 41.80', 2],
  ['Vodacom', 29975, 'ZA', 'mobile', '41.0 105.224', 2],
  ['Comcast Cable', 7922, 'US', 'residential', '73.0 24.0 98.192 67.160', 5],
  ['AT&T Internet', 7018, 'US', 'residential', '99.0 107.192 12.0', 4],
  ['Charter Communications', 20115, 'US', 'residential', '71.80 97.96 66.168', 3],
  ['Verizon Wireless', 22394, 'US', 'mobile', '174.192 166.128', 4],
  ['T-Mobile USA', 21928, 'US', 'mobile', '172.32 208.54', 4],
  ['Rogers Communications', 812, 'CA', 'residential', '99.224 174.112', 3],
  ['Bell Canada', 577, 'CA', 'residential', '70.24 142.112', 3],
  ['Telus', 852, 'CA', 'mobile', '75.152 154.20', 2],
  ['Telmex', 8151, 'MX', 'residential', '189.200 187.128', 3],
  ['Claro Brasil', 28573, 'BR', 'residential', '177.96 189.4', 3],
  ['Telefonica Brasil', 26599, 'BR', 'mobile', '177.0 187.56', 3],
  ['Telecom Argentina', 7303, 'AR', 'residential', '181.0 186.130', 2],
  ['Entel Chile', 27651, 'CL', 'residential', '190.96 200.104', 1],
  ['Colombia Movil', 27831, 'CO', 'mobile', '191.95 181.48', 1],
  ['Reliance Jio', 55836, 'IN', 'mobile', '49.36 157.32 152.56', 5],
  ['Bharti Airtel', 24560, 'IN', 'residential', '122.160 59.88', 3],
  ['ACT Fibernet', 24309, 'IN', 'residential', '183.82 106.51', 2],
  ['Singtel', 7473, 'SG', 'residential', '116.14 101.100', 3],
  ['M1', 4773, 'SG', 'mobile', '116.88 118.189', 2],
  ['TM Net', 4788, 'MY', 'residential', '175.136 60.48', 2],
  ['True Internet', 7470, 'TH', 'residential', '171.96 49.228', 2],
  ['Telkomsel', 23693, 'ID', 'mobile', '114.120 182.0', 2],
  ['Viettel', 7552, 'VN', 'residential', '27.64 116.96', 2],
  ['VNPT', 45899, 'VN', 'residential', '113.160 14.160', 2],
  ['PLDT', 9299, 'PH', 'residential', '112.198 49.144', 2],
  ['HKT', 4760, 'HK', 'residential', '112.118 219.76', 2],
  ['China Telecom', 4134, 'CN', 'residential', '116.224 58.32 180.96', 4],
  ['China Unicom', 4837, 'CN', 'residential', '123.112 221.192', 3],
  ['China Mobile', 9808, 'CN', 'mobile', '120.192 111.0', 3],
  ['Chunghwa Telecom', 3462, 'TW', 'residential', '1.160 114.32', 2],
  ['Korea Telecom', 4766, 'KR', 'residential', '175.192 211.36', 3],
  ['SK Broadband', 9318, 'KR', 'mobile', '1.224 58.224', 2],
  ['NTT OCN', 4713, 'JP', 'residential', '153.128 180.0', 3],
  ['SoftBank', 17676, 'JP', 'residential', '126.0 219.96', 2],
  ['NTT Docomo', 9605, 'JP', 'mobile', '1.66 49.96', 2],
  ['Telstra', 1221, 'AU', 'residential', '1.128 120.144', 3],
  ['Optus', 4804, 'AU', 'mobile', '49.176 211.29', 2],
  ['Spark New Zealand', 4771, 'NZ', 'residential', '122.56 222.152', 2],
  ['DigitalOcean', 14061, 'US', 'hosting', '159.89 167.99 138.68 64.227 178.62 206.189 142.93 161.35', 5, 'New York City|San Francisco|Amsterdam|Singapore|London|Frankfurt am Main|Toronto|Bengaluru|Sydney'],
  ['Amazon', 16509, 'US', 'hosting', '18.184 52.14 54.80 13.48 35.180 3.64', 6, 'Ashburn|Seattle|Frankfurt am Main|Dublin|Tokyo|Singapore|São Paulo|Mumbai|Sydney'],
  ['Hetzner Online', 24940, 'DE', 'hosting', '88.198 78.46 116.202 95.216 65.21 135.181', 4, 'Nuremberg|Helsinki|Ashburn'],
  ['Akamai Connected Cloud (Linode)', 63949, 'US', 'hosting', '45.33 172.104 139.162 45.79', 3, 'Atlanta|Dallas|Frankfurt am Main|London|Singapore|Tokyo'],
  ['Vultr (Choopa)', 20473, 'US', 'hosting', '45.32 45.76 149.28 207.148 108.61', 3, 'Los Angeles|Miami|Amsterdam|Tokyo|Seattle|Seoul'],
  ['OVH', 16276, 'FR', 'hosting', '51.75 54.36 51.89 137.74 146.59', 3, 'Roubaix|Warsaw|Montréal|Singapore'],
  ['Contabo', 51167, 'DE', 'hosting', '161.97 173.212 207.180', 2, 'Nuremberg|Munich|Singapore'],
  ['Alibaba Cloud', 45102, 'CN', 'hosting', '47.74 47.88 8.209', 2, 'Hong Kong|Singapore|Shanghai'],
  ['Tencent Cloud', 132203, 'CN', 'hosting', '43.128 43.153 101.32', 2, 'Shanghai|Beijing|Hong Kong'],
  ['Selectel', 49505, 'RU', 'hosting', '31.184 92.53 5.188', 2, 'Saint Petersburg|Moscow'],
  ['M247', 9009, 'GB', 'vpn', '89.238 146.70 185.156', 3, 'London|Amsterdam|Frankfurt am Main|Paris|Stockholm|Oslo|Copenhagen|Warsaw|Madrid|Milan|Zürich|Vienna|Bucharest|New York City|Chicago|Los Angeles|Toronto|Tokyo|Singapore|Sydney'],
  ['Datacamp (CDN77)', 60068, 'GB', 'vpn', '156.146 143.244 212.102', 2, 'London|Amsterdam|Frankfurt am Main|Paris|New York City|Miami|Los Angeles|Tokyo|Singapore|Stockholm|Oslo|Sydney|São Paulo|Mumbai'],
];

/** Every provider of the synthetic world. */
export const isps: readonly Isp[] = rows.map(([name, asn, country, kind, prefixes, weight, sites]) => ({
  name,
  asn,
  country,
  kind,
  prefixes: prefixes.split(' '),
  weight,
  ...(sites ? { sites: sites.split('|') } : {}),
}));
