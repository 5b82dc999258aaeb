module axil_write (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        awvalid,
    output wire        awready,
    input  wire        wvalid,
    output wire        wready,
    input  wire [15:0] wdata,
    output reg         bvalid,
    input  wire        bready,
    output reg  [15:0] reg0
);
  reg have_aw, have_w;
  reg [15:0] data_q;
  assign awready = !have_aw && !bvalid;
  assign wready = !have_w && !bvalid;
  wire aw_now = awvalid && awready;
  wire w_now = wvalid && wready;
  wire aw_ok = have_aw || aw_now;
  wire w_ok = have_w || w_now;
  wire [15:0] w_val = have_w ? data_q : wdata;
  always @(posedge clk) begin
    if (!rst_n) begin
      have_aw <= 1'b0;
      have_w <= 1'b0;
      bvalid <= 1'b0;
      reg0 <= 16'd0;
    end else begin
      if (bvalid && bready) bvalid <= 1'b0;
      if (aw_ok && w_ok && !bvalid) begin
        reg0 <= w_val;
        bvalid <= 1'b1;
        have_aw <= 1'b0;
        have_w <= 1'b0;
      end else begin
        if (aw_now) have_aw <= 1'b1;
        if (w_now) begin
          have_w <= 1'b1;
          data_q <= wdata;
        end
      end
    end
  end
endmodule
