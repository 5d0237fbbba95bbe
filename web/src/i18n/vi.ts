/*
 * The Vietnamese dictionary: the default language, and the shape every other dictionary must
 * match key for key (en.ts is typed as `Dictionary`, so a missing or extra key fails tsc).
 * Functions receive raw numbers and format them for the locale themselves.
 */
const number = new Intl.NumberFormat('vi-VN');

export const vi = {
  app: {
    name: 'Mạng lưới chuyên gia chuyển đổi số',
    shortName: 'Chuyên gia CĐS',
    skipToContent: 'Bỏ qua, đến nội dung chính',
    mainNav: 'Điều hướng chính',
    footer:
      'Mạng lưới những người dẫn dắt chuyển đổi số ở các bộ, ngành và địa phương, hình thành từ chương trình đào tạo 100 chuyên gia Chính phủ điện tử (2019).',
    footerNote: 'Thông tin hồ sơ do chính các chuyên gia cung cấp.',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    externalLink: '(mở trong thẻ mới)',
  },
  nav: {
    experts: 'Danh bạ chuyên gia',
  },
  language: {
    label: 'Ngôn ngữ',
  },
  directory: {
    title: 'Danh bạ chuyên gia',
    intro:
      'Những người phụ trách công nghệ thông tin và chuyển đổi số ở các bộ, ngành và địa phương. Tìm theo tỉnh, thành phố, cơ quan, lĩnh vực chuyên môn hoặc khóa đào tạo.',
    filters: 'Bộ lọc',
    moreFilters: (active: number) => (active ? `Lọc thêm (${active} đang chọn)` : 'Lọc thêm'),
    search: 'Tìm theo tên, chức vụ hoặc cơ quan',
    searchHint: 'Gõ có dấu hoặc không dấu đều được.',
    place: 'Tỉnh, thành phố',
    allPlaces: 'Tất cả tỉnh, thành phố',
    formerPlace: (name: string) => `${name} (trước 7/2025)`,
    organization: 'Bộ, ngành, cơ quan',
    allOrganizations: 'Tất cả cơ quan',
    ministries: 'Bộ',
    ministryAgencies: 'Cơ quan ngang bộ',
    agencies: 'Đơn vị thuộc bộ, ngành',
    localOrganizations: (place: string) => `Sở, trung tâm ở ${place}`,
    selectedOrganization: 'Đang chọn',
    specialty: 'Lĩnh vực chuyên môn',
    allSpecialties: 'Tất cả lĩnh vực',
    cohort: 'Khóa đào tạo',
    allCohorts: 'Tất cả các khóa',
    clear: 'Xóa bộ lọc',
    count: (n: number) => `${number.format(n)} chuyên gia`,
    results: 'Kết quả',
    updating: 'Đang cập nhật kết quả…',
    emptyTitle: 'Không có chuyên gia nào phù hợp',
    emptyBody: 'Hãy bỏ bớt một vài điều kiện lọc hoặc thử từ khóa khác.',
    errorTitle: 'Không tải được danh bạ',
    errorBody: 'Máy chủ chưa phản hồi. Vui lòng kiểm tra kết nối và thử lại.',
    badFilterTitle: 'Bộ lọc không hợp lệ',
    badFilterBody: 'Đường liên kết có một điều kiện lọc không còn dùng được. Hãy xóa bộ lọc để xem toàn bộ danh bạ.',
    pagination: 'Phân trang',
    previous: 'Trang trước',
    next: 'Trang sau',
  },
  expert: {
    specialties: 'Lĩnh vực chuyên môn',
    cohorts: 'Khóa đào tạo',
    organization: 'Cơ quan',
    place: 'Tỉnh, thành phố',
    placeNowPartOf: (name: string) => `(nay thuộc ${name})`,
    organizationNow: (name: string) => `nay là ${name}`,
    cohortBadge: (name: string, year: number) => `${name} · ${year}`,
  },
  profile: {
    breadcrumb: 'Đường dẫn',
    bio: 'Giới thiệu',
    links: 'Liên kết',
    joined: 'Tham gia mạng lưới',
    details: 'Thông tin',
    seeAllIn: (what: string) => `Xem các chuyên gia ở ${what}`,
    seeColleagues: 'Xem đồng nghiệp cùng cơ quan',
    noBio: 'Chuyên gia chưa viết phần giới thiệu.',
    notFoundTitle: 'Không tìm thấy chuyên gia',
    notFoundBody: (handle: string) =>
      `Không có hồ sơ nào mang tên đăng nhập “${handle}”. Có thể đường liên kết đã cũ hoặc bị gõ sai.`,
    backToDirectory: 'Về danh bạ chuyên gia',
    errorTitle: 'Không tải được hồ sơ',
    errorBody: 'Máy chủ chưa phản hồi. Vui lòng kiểm tra kết nối và thử lại.',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi.',
  },
};

export type Dictionary = typeof vi;
