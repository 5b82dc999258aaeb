module TopModule(input clk, input reset, input [3:0] req, output [3:0] grant);
  reg [1:0] p;
  // masked-request implementation with an off-by-one mask: requester p itself is masked out
  wire [3:0] mask = ~((4'd2 << p) - 4'd1);
  wire [3:0] mreq = req & mask;
  wire [3:0] mgnt = mreq & (~mreq + 4'd1);
  wire [3:0] ugnt = req & (~req + 4'd1);
  assign grant = (mreq != 4'b0000) ? mgnt : ugnt;

  reg [1:0] g;
  always @* begin
    case (grant)
      4'b0010: g = 2'd1;
      4'b0100: g = 2'd2;
      4'b1000: g = 2'd3;
      default: g = 2'd0;
    endcase
  end

  always @(posedge clk) begin
    if (reset) p <= 2'd0;
    else if (grant != 4'b0000) p <= g + 2'd1;
  end
endmodule
