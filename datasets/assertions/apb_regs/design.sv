module apb_regs (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       psel,
    input  wire       penable,
    input  wire       pwrite,
    input  wire [1:0] paddr,
    input  wire [7:0] pwdata,
    output wire       pready,
    output wire [7:0] prdata,
    output wire       pslverr
);
  reg [7:0] r0, r1;
  wire access = psel && penable;
  assign pready = access;
  assign pslverr = access && paddr[1];
  assign prdata = !access ? 8'd0 : paddr == 2'd0 ? r0 : paddr == 2'd1 ? r1 : 8'd0;
  always @(posedge clk) begin
    if (!rst_n) begin
      r0 <= 8'd0;
      r1 <= 8'd0;
    end else if (access && pwrite && !paddr[1]) begin
      if (paddr[0]) r1 <= pwdata;
      else r0 <= pwdata;
    end
  end
endmodule
